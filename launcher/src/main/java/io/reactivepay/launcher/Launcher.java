package io.reactivepay.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded default: {@code java -jar reactivepay-launcher.jar} starts PostgreSQL, Kafka and Payara
 * Server with ReactivePay, prints where to find it, and stops everything on Ctrl-C.
 */
public final class Launcher {

    private static final System.Logger LOG = System.getLogger(Launcher.class.getName());

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        try (var logging = Launcher.class.getResourceAsStream("logging.properties")) {
            java.util.logging.LogManager.getLogManager().readConfiguration(logging);
        }
        LauncherConfig config = LauncherConfig.fromEnvironment(defaultPayload());
        long started = System.nanoTime();
        EmbeddedSystem system;
        try {
            system = EmbeddedSystem.start(config);
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.ERROR, e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                system.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.ERROR, "Stopping ReactivePay failed", e);
            } finally {
                stopped.countDown();
            }
        }, "reactivepay-shutdown"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String base = system.baseUri().toString();
        LOG.log(System.Logger.Level.INFO, """
                ReactivePay is ready after {0} s. Data in {1}
                  API health   {2}/api/v1/health
                  OpenAPI      {2}/openapi
                  Checkout     {2}/checkout/
                  Console      {2}/console/ (user admin, first password in {8})
                  Wallet API   {2}/wallet-api/v1
                  Payara admin http://127.0.0.1:{3}
                  Acquirer     {5} (simulator; test cards in the README)
                  Bank files   {6} (payouts) and {7} (statements to import)
                  Server log   {4}
                Press Ctrl-C to stop.""",
                took.toSeconds(), config.dataDir(), base, String.valueOf(config.adminPort()), system.serverLog(),
                system.acquirerUri(), system.bankFolder("outbox"), system.bankFolder("inbox"),
                config.dataDir().resolve("secrets").resolve(DevSecrets.ADMIN_PASSWORD_FILE));
        stopped.await();
    }

    /** The payload folder next to the launcher jar (target/payload in a build). */
    private static Path defaultPayload() throws URISyntaxException {
        Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().resolve("payload");
    }
}
