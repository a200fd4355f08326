package io.reactivepay.launcher;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the embedded default keeps its data and which ports it uses. Every value has a default and can
 * be set with a system property ({@code -Dreactivepay.data-dir=...}) or environment variable
 * ({@code REACTIVEPAY_DATA_DIR=...}).
 *
 * @param dataDir        everything the system writes: database, Kafka log, Payara domain, text messages
 * @param postgresPort   PostgreSQL
 * @param kafkaPort      Kafka's client listener; the controller listens on the next port
 * @param payaraPortBase Payara's port base: HTTP on +80, admin on +48
 * @param ear            the application to deploy
 * @param payload        folder with payara.zip and postgresql.jar
 * @param acquirerPort   the acquirer simulator the card-acquirer connector talks to
 */
public record LauncherConfig(Path dataDir, int postgresPort, int kafkaPort, int payaraPortBase, Path ear, Path payload,
        int acquirerPort) {

    public LauncherConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(ear, "ear");
        Objects.requireNonNull(payload, "payload");
    }

    /** With the acquirer simulator 90 above the Payara port base (8090 next to Payara's 8080). */
    public LauncherConfig(Path dataDir, int postgresPort, int kafkaPort, int payaraPortBase, Path ear, Path payload) {
        this(dataDir, postgresPort, kafkaPort, payaraPortBase, ear, payload, payaraPortBase + 90);
    }

    /** The configuration from system properties and environment, with the defaults of the README. */
    public static LauncherConfig fromEnvironment(Path defaultPayload) {
        Path payload = Path.of(setting("payload-dir", defaultPayload.toString()));
        return new LauncherConfig(
                Path.of(setting("data-dir", "data")).toAbsolutePath(),
                Integer.parseInt(setting("postgres-port", "15432")),
                Integer.parseInt(setting("kafka-port", "19092")),
                Integer.parseInt(setting("payara-port-base", "8000")),
                Path.of(setting("ear", payload.resolve("reactivepay.ear").toString())).toAbsolutePath(),
                payload.toAbsolutePath(),
                Integer.parseInt(setting("acquirer-port", "8090")));
    }

    /** The application server's heap ({@code reactivepay.payara-heap}, e.g. {@code 2g}). */
    public static String payaraHeap() {
        return setting("payara-heap", "1g");
    }

    public int kafkaControllerPort() {
        return kafkaPort + 1;
    }

    public int httpPort() {
        return payaraPortBase + 80;
    }

    public int adminPort() {
        return payaraPortBase + 48;
    }

    private static String setting(String name, String fallback) {
        String property = System.getProperty("reactivepay." + name);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String variable = System.getenv("REACTIVEPAY_" + name.toUpperCase().replace('-', '_'));
        return variable != null && !variable.isBlank() ? variable : fallback;
    }
}
