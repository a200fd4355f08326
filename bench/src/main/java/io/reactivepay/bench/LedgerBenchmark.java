package io.reactivepay.bench;

import io.reactivepay.bench.harness.BenchApplication;
import io.reactivepay.launcher.EmbeddedSystem;
import io.reactivepay.launcher.LauncherConfig;
import io.reactivepay.system.ProbeEar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ledger benchmark of docs/benchmarks.md: the whole system on this machine, the raw-SQL baseline
 * and the {@code Ledger} api inside the server on the same PostgreSQL in one run, uniform and with hot
 * accounts, then the p99 at half of the peak rate. Prints a Markdown table.
 */
public final class LedgerBenchmark {

    private static final System.Logger LOG = System.getLogger(LedgerBenchmark.class.getName());
    private static final int ACCOUNTS = Integer.getInteger("reactivepay.bench.accounts", 100_000);
    private static final int THREADS = Integer.getInteger("reactivepay.bench.threads", 8);
    /** Callers of the group-committed runs: a server serves many requests at once, and each waits for its commit. */
    private static final int CALLERS = Integer.getInteger("reactivepay.bench.callers", 64);
    private static final int SECONDS = Integer.getInteger("reactivepay.bench.seconds", 20);
    /** With {@code -Dreactivepay.bench.statements=true}, PostgreSQL's time per statement during the group-commit run. */
    private static final boolean STATEMENTS = Boolean.getBoolean("reactivepay.bench.statements");
    /** {@code -Dreactivepay.bench.payments=false} leaves out the payment runs. */
    private static final boolean PAYMENTS = !"false".equals(System.getProperty("reactivepay.bench.payments"));
    /** false: only the ledger's 64-caller run the payments are compared with (a quicker loop while working on payments). */
    private static final boolean LEDGER_RUNS = !"false".equals(System.getProperty("reactivepay.bench.ledger-runs"));
    /** The server's JIT compiles for minutes after a start on 2 cores: runs measured before it settles measure the compiler. */
    private static final int WARM_UP_SECONDS = Integer.getInteger("reactivepay.bench.warm-up-seconds", 150);
    private static final int PAYMENT_CUSTOMERS = Integer.getInteger("reactivepay.bench.customers", 2_000);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // room for the raw-SQL run's connections next to the server's pool of up to 32; settings passed in
        // with -Dreactivepay.postgres.settings come after, so they can be compared run against run
        String passed = System.getProperty("reactivepay.postgres.settings", "").trim();
        System.setProperty("reactivepay.postgres.settings", "max_connections=200" + (STATEMENTS
                ? ",shared_preload_libraries=pg_stat_statements,pg_stat_statements.track_planning=on" : "")
                + (passed.isEmpty() ? "" : "," + passed));
        Path data = Path.of(System.getProperty("reactivepay.bench.data-dir", "target/bench-data")).toAbsolutePath();
        deleteRecursively(data);
        Path payload = Path.of(System.getProperty("reactivepay.payload-dir", "launcher/target/payload")).toAbsolutePath();
        Path ear = ProbeEar.build(payload.resolve("reactivepay.ear"), BenchApplication.class, "bench",
                data.resolve("reactivepay-bench.ear"));
        LauncherConfig config = new LauncherConfig(data, 21432, 23092, 22000, ear, payload);
        List<Result> results = new ArrayList<>();
        try (EmbeddedSystem system = EmbeddedSystem.start(config)) {
            RawSqlBaseline.seed(system.jdbcUrl(), system.databaseUser(), ACCOUNTS);
            RawSqlBaseline.run(system.jdbcUrl(), system.databaseUser(), ACCOUNTS, THREADS, 5, false);
            Result baseline = RawSqlBaseline.run(system.jdbcUrl(), system.databaseUser(), ACCOUNTS, THREADS, SECONDS, false);
            results.add(baseline);
            if (LEDGER_RUNS) {
                results.add(RawSqlBaseline.run(system.jdbcUrl(), system.databaseUser(), ACCOUNTS, THREADS, SECONDS, true));
                results.add(RawSqlBaseline.run(system.jdbcUrl(), system.databaseUser(), ACCOUNTS, CALLERS, SECONDS, false));
            }

            URI bench = system.baseUri().resolve("/bench/ledger/");
            String run = post(bench.resolve("seed?accounts=" + ACCOUNTS)).getString("run");
            String common = "run?run=" + run + "&seconds=" + SECONDS;
            for (int warmed = 0; warmed < WARM_UP_SECONDS; warmed += 10) { // one long request would outlast the HTTP timeouts
                post(bench.resolve("run?run=" + run + "&threads=" + CALLERS + "&seconds=" + Math.min(10, WARM_UP_SECONDS - warmed)));
            }
            if (LEDGER_RUNS) {
                results.add(ledgerRun("Ledger api, own transaction per call, " + THREADS + " callers", bench.resolve(
                        common + "&threads=" + THREADS + "&ownTransaction=true")));
                results.add(ledgerRun("Ledger api, group commit, " + THREADS + " callers", bench.resolve(
                        common + "&threads=" + THREADS)));
            }
            StatementProfile profile = new StatementProfile(system.jdbcUrl(), system.databaseUser(), STATEMENTS);
            profile.reset();
            Result uniform = ledgerRun("Ledger api, group commit, " + CALLERS + " callers", bench.resolve(
                    common + "&threads=" + CALLERS));
            String statements = profile.report(uniform.name());
            results.add(uniform);
            if (LEDGER_RUNS) {
                results.add(ledgerRun("Ledger api, group commit, " + CALLERS + " callers, hot", bench.resolve(
                        common + "&threads=" + CALLERS + "&hot=true")));
                results.add(ledgerRun("Ledger api, group commit, at half of peak", bench.resolve(
                        common + "&threads=" + CALLERS + "&rate=" + Math.round(uniform.perSecond() / 2))));
                // the same rate on plain SQL, one commit per transfer: what this disk's commits allow at that rate
                results.add(RawSqlBaseline.run(system.jdbcUrl(), system.databaseUser(), ACCOUNTS, THREADS, SECONDS, false,
                        Math.round(uniform.perSecond() / 2)));
            }
            String payments = PAYMENTS ? paymentRuns(system.baseUri(), uniform, profile) : "";
            JsonObject invariants = post(bench.resolve("verify"));

            StringBuilder table = new StringBuilder()
                    .append("| run | transfers | per second | p50 ms | p99 ms | p99.9 ms | entries per commit | × raw |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            results.forEach(result -> table.append(result.row(baseline)).append('\n'));
            table.append("\n").append(ACCOUNTS).append(" accounts, raw SQL on ").append(THREADS).append(" connections, ")
                    .append(SECONDS).append(" s per run; ledger invariants after the runs: ")
                    .append(invariants.getBoolean("holds") ? "hold" : "BROKEN " + invariants.getJsonArray("violations"))
                    .append(" (").append(invariants.getJsonNumber("entries")).append(" entries); server heap ")
                    .append(LauncherConfig.payaraHeap()).append(", PostgreSQL settings ")
                    .append(System.getProperty("reactivepay.postgres.settings")).append('\n');
            table.append(statements).append(payments);
            LOG.log(System.Logger.Level.INFO, "Ledger benchmark\n{0}", table);
            Files.writeString(data.resolve("ledger-benchmark.md"), table);
        }
    }

    /**
     * Wallet payments end to end over HTTP, at the peak of {@link #CALLERS} callers and paced at half of
     * it, against the ledger's group-commit figure of the same run (a payment is one ledger entry plus
     * everything around it).
     */
    private static String paymentRuns(URI base, Result ledger, StatementProfile profile) throws Exception {
        PaymentLoad load = PaymentLoad.seed(base, PAYMENT_CUSTOMERS, 25_000);
        // the server's JIT is still compiling after the first tens of thousands of requests: warm up for longer
        // than a run, and sign as many requests for the peak as the warm-up's rate suggests (signing takes time)
        Result warm = load.run("warm-up", CALLERS, WARM_UP_SECONDS, 0, 600);
        List<Result> runs = new ArrayList<>();
        profile.reset();
        ScreeningTimes beforePeak = ScreeningTimes.read(HTTP, base);
        Result peak = load.run("POST /payments, wallet, " + CALLERS + " callers", CALLERS, SECONDS, 0,
                Math.max(500, warm.perSecond() * 1.5));
        String statements = profile.report(peak.name());
        ScreeningTimes afterPeak = ScreeningTimes.read(HTTP, base);
        runs.add(peak);
        runs.add(load.run("POST /payments, wallet, at half of peak", CALLERS, SECONDS, peak.perSecond() / 2, 0));
        ScreeningTimes afterHalf = ScreeningTimes.read(HTTP, base);
        String screening = "Fraud screening per call, as the payment batch waits for it (metric reactivepay.fraud.screening, "
                + "with its counts within each bound): during the peak run " + afterPeak.since(beforePeak).summary()
                + "; during the half-of-peak run " + afterHalf.since(afterPeak).summary() + "\n";
        StringBuilder table = new StringBuilder("\nPayments (issue 7): wallet payments through POST /api/v1/payments with "
                + "API key, RSA-SHA256 signature, idempotency key, fraud screening, KYC limits, ledger entry and outbox "
                + "event; " + PAYMENT_CUSTOMERS + " customers; × ledger = against '" + ledger.name() + "'\n\n")
                .append("| run | payments | per second | p50 ms | p99 ms | p99.9 ms | - | × ledger |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        runs.forEach(run -> table.append(run.row(ledger)).append('\n'));
        return table.append('\n').append(screening).append('\n').append(statements).toString();
    }

    /** A ledger run, logging the worst latency of each of its seconds (a stall shows as a few bad seconds). */
    private static Result ledgerRun(String name, URI uri) throws Exception {
        JsonObject json = post(uri);
        LOG.log(System.Logger.Level.INFO, "{0}: worst latency of each second, ms: {1}", name, json.getString("worstPerSecond"));
        return Result.of(name, json);
    }

    private static JsonObject post(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
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
