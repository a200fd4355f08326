package io.reactivepay.bench;

import io.reactivepay.bench.harness.BenchApplication;
import io.reactivepay.launcher.EmbeddedSystem;
import io.reactivepay.launcher.LauncherConfig;
import io.reactivepay.platform.crypto.RequestSignature;
import io.reactivepay.system.ProbeEar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The payment benchmark of docs/benchmarks.md: wallet payments through {@code POST /api/v1/payments}
 * over HTTP from callers on this machine, each request as a merchant sends it (API key, RSA-SHA256
 * signature, idempotency key), through rate limits, fraud screening, the ledger and the outbox; next to
 * the ledger api's own group-commit figure measured in the same run. Requests are signed before the
 * clock starts, so the callers' CPU goes to HTTP, not to RSA.
 * <p>
 * The fraud module's default rate limits (600 requests a minute per IP) would refuse such a run from one
 * address: the {@code bench-payments} profile raises {@code reactivepay.fraud.rate-limit.*} through the
 * environment of the server (MicroProfile Config reads {@code REACTIVEPAY_FRAUD_RATE_LIMIT_IP} and its
 * siblings); the run fails if any request is refused with 429 all the same.
 */
public final class PaymentBenchmark {

    private static final System.Logger LOG = System.getLogger(PaymentBenchmark.class.getName());
    private static final int ACCOUNTS = Integer.getInteger("reactivepay.bench.accounts", 100_000);
    private static final int CALLERS = Integer.getInteger("reactivepay.bench.callers", 64);
    private static final int SECONDS = Integer.getInteger("reactivepay.bench.seconds", 20);
    private static final int CUSTOMERS = Integer.getInteger("reactivepay.bench.customers", 1000);
    /** Requests signed ahead; a run ends when its time is up or these are spent. */
    private static final int PREPARED = Integer.getInteger("reactivepay.bench.prepared", 40_000);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private record Prepared(String body, String idempotencyKey, String signature) {
    }

    private PaymentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("reactivepay.postgres.settings", "max_connections=200");
        Path data = Path.of(System.getProperty("reactivepay.bench.data-dir", "target/bench-data")).toAbsolutePath();
        deleteRecursively(data);
        Path payload = Path.of(System.getProperty("reactivepay.payload-dir", "launcher/target/payload")).toAbsolutePath();
        Path ear = ProbeEar.build(payload.resolve("reactivepay.ear"), BenchApplication.class, "bench",
                data.resolve("reactivepay-bench.ear"));
        LauncherConfig config = new LauncherConfig(data, Integer.getInteger("reactivepay.bench.postgres-port", 21432),
                Integer.getInteger("reactivepay.bench.kafka-port", 23092), Integer.getInteger("reactivepay.bench.payara-port-base", 22000),
                ear, payload, Integer.getInteger("reactivepay.bench.acquirer-port", 22090));
        try (EmbeddedSystem system = EmbeddedSystem.start(config)) {
            URI bench = system.baseUri().resolve("/bench/");
            String run = post(bench.resolve("ledger/seed?accounts=" + ACCOUNTS), null).getString("run");
            post(bench.resolve("ledger/run?run=" + run + "&threads=" + CALLERS + "&seconds=5"), null);
            Result ledger = Result.of("Ledger api, group commit, " + CALLERS + " callers", post(bench.resolve(
                    "ledger/run?run=" + run + "&threads=" + CALLERS + "&seconds=" + SECONDS), null));

            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            JsonObject setup = post(bench.resolve("payments/setup?customers=" + CUSTOMERS + "&cents=100000000"), pem);
            String apiKey = setup.getString("apiKey");
            List<JsonObject> customers = setup.getJsonArray("customers").getValuesAs(JsonObject.class);
            String keyId = RequestSignature.fingerprint(keys.getPublic());
            URI payments = system.baseUri().resolve("/api/v1/payments");

            requireRaisedLimits(payments, apiKey);
            List<Prepared> warmUp = prepare(2_000, customers, keys.getPrivate(), keyId);
            drive(payments, apiKey, warmUp, 10);
            List<Prepared> prepared = prepare(PREPARED, customers, keys.getPrivate(), keyId);
            Run measured = drive(payments, apiKey, prepared, SECONDS);
            JsonObject invariants = post(bench.resolve("ledger/verify"), null);

            Result result = Result.of("POST /api/v1/payments, wallet, " + CALLERS + " callers", measured.latencies(),
                    measured.seconds());
            StringBuilder table = new StringBuilder()
                    .append("| run | requests | per second | p50 ms | p99 ms | p99.9 ms | × ledger api |\n")
                    .append("|---|---|---|---|---|---|---|\n")
                    .append(row(ledger, ledger)).append('\n').append(row(result, ledger)).append('\n')
                    .append("\nanswers: ").append(measured.statuses()).append("; payment statuses: ").append(measured.outcomes())
                    .append("; ").append(CUSTOMERS).append(" customers, ").append(SECONDS).append(" s; ledger invariants: ")
                    .append(invariants.getBoolean("holds") ? "hold" : "BROKEN " + invariants.getJsonArray("violations"))
                    .append('\n');
            LOG.log(System.Logger.Level.INFO, "Payment benchmark\n{0}", table);
            Files.writeString(data.resolve("payment-benchmark.md"), table);
            if (measured.statuses().containsKey(429)) {
                throw new IllegalStateException("Rate limits refused benchmark requests: raise reactivepay.fraud.rate-limit.*");
            }
        }
    }

    /**
     * 700 unsigned requests, more than fraud's default of 600 a minute per IP: each is counted by all three
     * limits before it is refused for its missing signature (401). A 429 among them means the server kept the
     * default limits, and the figures would measure refusals.
     */
    private static void requireRaisedLimits(URI payments, String apiKey) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 700; i++) {
                answers.add(pool.submit(() -> HTTP.send(HttpRequest.newBuilder(payments).header("Authorization", "Bearer " + apiKey)
                        .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                if (answer.get() == 429) {
                    throw new IllegalStateException("The server kept fraud's default rate limits: start it with "
                            + "REACTIVEPAY_FRAUD_RATE_LIMIT_IP, _API_KEY and _MERCHANT raised (the bench-payments profile does)");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String row(Result r, Result ledger) {
        return String.format("| %-46s | %9d | %10.0f | %7.2f | %7.2f | %8.2f | %5.2f |", r.name(), r.transfers(), r.perSecond(),
                r.p50(), r.p99(), r.p999(), r.perSecond() / ledger.perSecond());
    }

    /** Payments of 1.00 EUR from the customers' wallets in turn, each signed as the README says. */
    private static List<Prepared> prepare(int count, List<JsonObject> customers, PrivateKey key, String keyId) throws Exception {
        long created = Instant.now().getEpochSecond();
        int workers = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<List<Prepared>>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                parts.add(pool.submit(() -> {
                    Signature signer = Signature.getInstance("SHA256withRSA");
                    List<Prepared> part = new ArrayList<>();
                    for (int i = first; i < count; i += workers) {
                        JsonObject customer = customers.get(i % customers.size());
                        String body = "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"reference\":\"bench-" + UUID.randomUUID()
                                + "\",\"method\":\"wallet\",\"wallet\":{\"id\":\"" + customer.getString("walletId")
                                + "\",\"customerToken\":\"" + customer.getString("token") + "\"}}";
                        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                        signer.initSign(key);
                        signer.update(RequestSignature.signingString("POST", "/api/v1/payments", created, bytes));
                        part.add(new Prepared(body, UUID.randomUUID().toString(), "keyId=\"" + keyId + "\",created=" + created
                                + ",signature=\"" + Base64.getEncoder().encodeToString(signer.sign()) + "\""));
                    }
                    return part;
                }));
            }
            List<Prepared> all = new ArrayList<>();
            for (Future<List<Prepared>> part : parts) {
                all.addAll(part.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Run(long[] latencies, double seconds, Map<Integer, Integer> statuses, Map<String, Integer> outcomes) {
    }

    private static Run drive(URI payments, String apiKey, List<Prepared> requests, int seconds) throws Exception {
        AtomicInteger next = new AtomicInteger();
        LongAdder done = new LongAdder();
        long[] latencies = new long[requests.size()];
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                running.add(callers.submit(() -> {
                    int i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < requests.size()) {
                        Prepared p = requests.get(i);
                        long began = System.nanoTime();
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(payments)
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + apiKey).header("Idempotency-Key", p.idempotencyKey())
                                .header("Signature", p.signature()).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(p.body())).build(), HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - began;
                        done.increment();
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                        String status = response.statusCode() == 201
                                ? Json.createReader(new StringReader(response.body())).readObject().getString("status", "?")
                                : Json.createReader(new StringReader(response.body())).readObject().getString("code", "?");
                        outcomes.merge(status, 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
        } finally {
            callers.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] measured = new long[(int) done.sum()];
        int k = 0;
        for (long latency : latencies) {
            if (latency > 0 && k < measured.length) {
                measured[k++] = latency;
            }
        }
        return new Run(measured, elapsed, new TreeMap<>(statuses), new TreeMap<>(outcomes));
    }

    private static JsonObject post(URI uri, String text) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "text/plain")
                .POST(text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void deleteRecursively(Path root) throws Exception {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
