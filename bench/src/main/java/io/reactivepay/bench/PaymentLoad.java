package io.reactivepay.bench;

import io.reactivepay.bench.harness.Pacer;
import io.reactivepay.platform.crypto.RequestSignature;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The payment benchmark's load generator: wallet payments through {@code POST /api/v1/payments} over
 * real HTTP from this JVM, each with the merchant's API key, an RSA-SHA256 request signature and an
 * idempotency key, so the server does everything a merchant's request costs (authentication,
 * signature, idempotency, fraud screening, KYC limits, ledger entry, outbox event). Requests are signed
 * before a run starts: signing is the merchant's cost, not ours, and would otherwise take a core here;
 * they are sent by {@link RawHttp}, one kept-alive connection per caller, so that the generator takes
 * as little as it can of the CPU it shares with the server.
 */
final class PaymentLoad {

    /**
     * What each payment is for: 1.00 EUR, so that the merchant is credited (the default plan's fee is 1.4 %
     * + 0.25, so 0.10 was all fee) and a wallet of an unverified customer (daily limit 250.00) pays hundreds.
     */
    static final String AMOUNT = "1.00";
    private static final Pattern PAYMENT_STATUS = Pattern.compile("\"status\":\"([a-z_]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI payments;
    private final String apiKey;
    private final String keyId;
    private final PrivateKey signingKey;
    private final List<JsonObject> wallets;
    private final AtomicLong sequence = new AtomicLong();

    private PaymentLoad(URI payments, String apiKey, String keyId, PrivateKey signingKey, List<JsonObject> wallets) {
        this.payments = payments;
        this.apiKey = apiKey;
        this.keyId = keyId;
        this.signingKey = signingKey;
        this.wallets = wallets;
    }

    /** Seeds a merchant and {@code customers} funded wallets through the harness in the server. */
    static PaymentLoad seed(URI base, int customers, long fundsMinor) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        base.resolve("/bench/payments/seed?customers=" + customers + "&funds=" + fundsMinor))
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(pem)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Seeding payments answered " + response.statusCode() + ": " + response.body());
        }
        JsonObject seeded = Json.createReader(new StringReader(response.body())).readObject();
        JsonArray wallets = seeded.getJsonArray("wallets");
        return new PaymentLoad(base.resolve("/api/v1/payments"), seeded.getString("apiKey"),
                RequestSignature.fingerprint(keys.getPublic()), keys.getPrivate(), wallets.getValuesAs(JsonObject.class));
    }

    /**
     * Sends about {@code seconds} worth of payments from {@code callers} threads, as fast as they are
     * answered or paced to {@code rate} per second (0: unpaced); {@code expectedRate} sizes the signed
     * requests prepared beforehand.
     */
    Result run(String name, int callers, int seconds, double rate, double expectedRate) throws Exception {
        int prepared = (int) Math.ceil((rate > 0 ? rate : expectedRate) * seconds * 1.5) + callers;
        List<byte[]> requests = prepare(prepared);
        System.getLogger(PaymentLoad.class.getName()).log(System.Logger.Level.INFO, "{0}: {1} requests signed, sending",
                name, requests.size());
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        AtomicInteger unexpected = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        double intervalNanos = rate > 0 ? callers * 1_000_000_000.0 / rate : 0;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                Pacer pacer = new Pacer(intervalNanos);
                try (RawHttp http = new RawHttp(payments)) {
                    while (System.nanoTime() < deadline) {
                        long begin = pacer.awaitNext();
                        int i = next.getAndIncrement();
                        if (i >= requests.size()) {
                            break; // all prepared requests sent: the run ends early, its rate is still right
                        }
                        RawHttp.Answer response = http.send(requests.get(i));
                        long took = System.nanoTime() - begin;
                        statuses.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
                        Matcher status = PAYMENT_STATUS.matcher(response.body());
                        outcomes.computeIfAbsent(status.find() ? status.group(1) : "none", s -> new AtomicLong())
                                .incrementAndGet();
                        if (response.status() == 201) {
                            latencies.add(took);
                        } else if (unexpected.getAndIncrement() < 5) {
                            System.getLogger(PaymentLoad.class.getName()).log(System.Logger.Level.WARNING,
                                    "{0}: answered {1}: {2}", name, response.status(), response.body());
                        }
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] latencies = all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        long other = statuses.entrySet().stream().filter(e -> e.getKey() != 201).mapToLong(e -> e.getValue().get()).sum()
                + outcomes.entrySet().stream().filter(e -> !e.getKey().equals("captured")).mapToLong(e -> e.getValue().get()).sum();
        System.getLogger(PaymentLoad.class.getName()).log(other == 0 ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                "{0}: answers {1}, payment statuses {2}", name, statuses, outcomes);
        if (statuses.containsKey(429)) {
            throw new IllegalStateException("Rate limits refused benchmark requests: raise reactivepay.fraud.rate-limit.*");
        }
        return Result.of(name, latencies, elapsed);
    }

    private List<byte[]> prepare(int count) throws Exception {
        List<byte[]> requests = new ArrayList<>(count);
        int threads = Runtime.getRuntime().availableProcessors();
        List<List<byte[]>> parts = IntStream.range(0, threads).parallel().mapToObj(t -> {
            List<byte[]> part = new ArrayList<>();
            try {
                for (int i = t; i < count; i += threads) {
                    part.add(request(sequence.incrementAndGet()));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return part;
        }).toList();
        parts.forEach(requests::addAll);
        return requests;
    }

    private byte[] request(long n) throws Exception {
        JsonObject wallet = wallets.get((int) (n % wallets.size()));
        String body = Json.createObjectBuilder()
                .add("amount", AMOUNT)
                .add("currency", "EUR")
                .add("reference", "bench-" + n)
                .add("method", "wallet")
                .add("wallet", Json.createObjectBuilder()
                        .add("id", wallet.getString("walletId"))
                        .add("customerToken", wallet.getString("customerToken")))
                .build().toString();
        long created = System.currentTimeMillis() / 1000;
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(signingKey);
        rsa.update(RequestSignature.signingString("POST", payments.getRawPath(), created,
                body.getBytes(StandardCharsets.UTF_8)));
        String signature = Base64.getEncoder().encodeToString(rsa.sign());
        return RawHttp.request("POST", payments, List.of("Authorization: Bearer " + apiKey,
                "Content-Type: application/json", "Idempotency-Key: " + UUID.randomUUID(),
                "Signature: keyId=\"" + keyId + "\",created=" + created + ",signature=\"" + signature + "\""),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
