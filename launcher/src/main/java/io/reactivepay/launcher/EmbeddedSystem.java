package io.reactivepay.launcher;

import io.reactivepay.connector.simulator.AcquirerSimulator;
import io.reactivepay.embedded.KafkaBroker;
import io.reactivepay.embedded.Ports;
import io.reactivepay.embedded.PostgresServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The whole system on one machine: PostgreSQL, a Kafka broker and Payara Server with the EAR, all
 * keeping their data under one directory. Used by {@link Launcher} and by the integration tests,
 * which therefore test exactly what a user runs.
 */
public final class EmbeddedSystem implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedSystem.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    /** The simulator's credentials, handed to the card-acquirer connector as system properties. */
    private static final String ACQUIRER_USER = "reactivepay";
    private static final String ACQUIRER_PASSWORD = "simulator";

    private final LauncherConfig config;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private AcquirerSimulator acquirer;
    private PayaraServer payara;

    private EmbeddedSystem(LauncherConfig config) {
        this.config = config;
    }

    /** Starts everything and returns once the API reports ready; on failure, stops what it started. */
    public static EmbeddedSystem start(LauncherConfig config) throws Exception {
        checkPorts(config);
        EmbeddedSystem system = new EmbeddedSystem(config);
        try {
            system.startAll();
            return system;
        } catch (Exception | Error e) {
            try {
                system.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static void checkPorts(LauncherConfig config) {
        Ports.requireFree(config.postgresPort(), "PostgreSQL");
        Ports.requireFree(config.kafkaPort(), "Kafka");
        Ports.requireFree(config.kafkaControllerPort(), "the Kafka controller");
        Ports.requireFree(config.acquirerPort(), "the acquirer simulator");
        for (int port : PayaraServer.ports(config.payaraPortBase())) {
            Ports.requireFree(port, "Payara Server");
        }
    }

    private void startAll() throws Exception {
        Files.createDirectories(config.dataDir());
        postgres = PostgresServer.start(config.dataDir().resolve("postgres"), config.postgresPort());
        startKafka();
        acquirer = AcquirerSimulator.start(config.acquirerPort(), ACQUIRER_USER, ACQUIRER_PASSWORD, Duration.ofSeconds(15));
        List<List<String>> settings = serverSettings();
        payara = PayaraServer.prepare(config.dataDir().resolve("payara"), config.payload().resolve("payara.zip"),
                config.payload().resolve("postgresql.jar"), config.payaraPortBase(), LauncherConfig.payaraHeap(),
                settings.toString());
        payara.start();
        if (!payara.isConfigured()) {
            payara.configure(settings);
        }
        payara.deploy(config.ear(), sha256(config.ear()));
        awaitReady();
    }

    /** The server-level configuration: the database pool and the MicroProfile Config values of this machine. */
    private List<List<String>> serverSettings() throws IOException, GeneralSecurityException {
        // reWriteBatchedInserts: a JDBC batch of inserts (a group commit's payment rows and outbox events) goes as
        // multi-row inserts, not one statement per row
        String poolProperties = "user=" + postgres.user() + ":password=reactivepay:serverName=127.0.0.1:portNumber=" + config.postgresPort()
                + ":databaseName=reactivepay:stringtype=unspecified:reWriteBatchedInserts=true";
        String systemProperties = "reactivepay.kafka.bootstrap-servers=127.0.0.1\\:" + config.kafkaPort()
                + ":reactivepay.sms.outbox-dir=" + smsOutbox().toString().replace(":", "\\:")
                + ":reactivepay.acquirer.url=http\\://127.0.0.1\\:" + config.acquirerPort()
                + ":reactivepay.acquirer.user=" + ACQUIRER_USER + ":reactivepay.acquirer.password=" + ACQUIRER_PASSWORD
                + ":reactivepay.vault.data-keys-file=" + vaultKeyFile().toString().replace(":", "\\:")
                + ":reactivepay.bank.outbox-dir=" + bankFolder("outbox").toString().replace(":", "\\:")
                + ":reactivepay.bank.inbox-dir=" + bankFolder("inbox").toString().replace(":", "\\:")
                + DevSecrets.systemProperties(config.dataDir());
        return List.of(
                List.of("create-jdbc-connection-pool", "--datasourceclassname=org.postgresql.ds.PGSimpleDataSource",
                        "--restype=javax.sql.DataSource", "--steadypoolsize=4", "--maxpoolsize=32",
                        "--isconnectvalidatereq=true", "--validateatmostonceperiod=30", "--validationmethod=custom-validation",
                        "--validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                        "--property", poolProperties, "reactivepay-pool"),
                List.of("create-jdbc-resource", "--connectionpoolid=reactivepay-pool", "jdbc/reactivepay"),
                List.of("create-system-properties", systemProperties));
    }

    /**
     * The card vault's data key of this machine: made on first start, readable by this user only, kept
     * with the data (cards encrypted under it are lost without it); the server reads it from this file.
     */
    private Path vaultKeyFile() throws IOException {
        Path file = config.dataDir().resolve("vault-data-keys");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "1:" + Base64.getEncoder().encodeToString(key));
        }
        return file;
    }

    /** Ready when the API reports ready and both web apps answer: the server loads modules one by one. */
    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (URI page : List.of(healthUri(), baseUri().resolve("/checkout/"), baseUri().resolve("/console/"))) {
            HttpRequest probe = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).GET().build();
            String last = "no answer";
            while (true) {
                try {
                    HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        break;
                    }
                    last = response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    last = e.toString();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ReactivePay did not become ready within " + READY_TIMEOUT.toMinutes()
                            + " minutes; last answer from " + page + ": " + last + "; see " + payara.serverLog());
                }
                Thread.sleep(500);
            }
        }
    }

    /** Stops the broker only, as an outage would; the rest keeps running. */
    public void stopKafka() {
        kafka.close();
        kafka = null;
    }

    public void startKafka() throws IOException {
        kafka = KafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
    }

    /** Crash drill: kills the application server with SIGKILL mid-flight, then starts it again. */
    public void crashAndRestartServer() throws Exception {
        payara.kill();
        payara.start();
        awaitReady();
    }

    /**
     * Crash drill: kills PostgreSQL and all its processes with SIGKILL, as a power cut would, then starts
     * it again, which runs PostgreSQL's crash recovery. The server's pool replaces its broken connections.
     */
    public void crashAndRestartDatabase() throws Exception {
        Path dataDir = config.dataDir().resolve("postgres");
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IOException("PostgreSQL is not running"));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().get();
        }
        postgres = PostgresServer.start(dataDir, config.postgresPort());
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + config.httpPort());
    }

    public URI healthUri() {
        return baseUri().resolve("/api/v1/health");
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String databaseUser() {
        return postgres.user();
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + config.kafkaPort();
    }

    public URI acquirerUri() {
        return URI.create("http://127.0.0.1:" + config.acquirerPort());
    }

    public Path smsOutbox() {
        return config.dataDir().resolve("sms");
    }

    /** Where payout files go ({@code outbox}) and bank statements are picked up ({@code inbox}). */
    public Path bankFolder(String which) {
        return config.dataDir().resolve("bank").resolve(which);
    }

    public Path serverLog() {
        return payara.serverLog();
    }

    @Override
    public void close() throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable part : new AutoCloseable[] {payara, acquirer, kafka, postgres}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    failures.add(e);
                }
            }
        }
        payara = null;
        acquirer = null;
        kafka = null;
        postgres = null;
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        LOG.log(System.Logger.Level.INFO, "ReactivePay stopped");
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
