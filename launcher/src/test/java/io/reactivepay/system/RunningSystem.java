package io.reactivepay.system;

import io.reactivepay.launcher.EmbeddedSystem;
import io.reactivepay.launcher.LauncherConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One ReactivePay for the whole test run: started on first use, with the probe EAR, on ports of its
 * own, in a fresh data directory, and stopped when the test JVM's run ends. Test classes share it, so
 * the app server starts once per build.
 */
public final class RunningSystem implements BeforeAllCallback {

    /** Ports of the test system; {@code -Dreactivepay.it.*-port} moves them so that two builds can run side by side. */
    public static final int POSTGRES_PORT = Integer.getInteger("reactivepay.it.postgres-port", 25432);
    public static final int KAFKA_PORT = Integer.getInteger("reactivepay.it.kafka-port", 29092);
    public static final int PAYARA_PORT_BASE = Integer.getInteger("reactivepay.it.payara-port-base", 28000);
    public static final int ACQUIRER_PORT = Integer.getInteger("reactivepay.it.acquirer-port", 26280);

    private static EmbeddedSystem system;
    private static LauncherConfig config;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        get();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSystem.class, key -> (ExtensionContext.Store.CloseableResource) RunningSystem::stop);
    }

    public static synchronized EmbeddedSystem get() throws Exception {
        if (system == null) {
            system = EmbeddedSystem.start(config());
        }
        return system;
    }

    /** Stops everything and starts it again on the same data, as a user restarting the launcher would. */
    public static synchronized EmbeddedSystem restart() throws Exception {
        stop();
        return get();
    }

    public static synchronized LauncherConfig config() throws Exception {
        if (config == null) {
            Path dataDir = Path.of(System.getProperty("reactivepay.it.data-dir", "target/it-data")).toAbsolutePath();
            deleteRecursively(dataDir);
            Path payload = Path.of(System.getProperty("reactivepay.payload-dir", "target/payload")).toAbsolutePath();
            Path ear = ProbeEar.build(payload.resolve("reactivepay.ear"), io.reactivepay.probe.ProbeApplication.class, "probe",
                    dataDir.resolve("reactivepay-probe.ear"));
            config = new LauncherConfig(dataDir, POSTGRES_PORT, KAFKA_PORT, PAYARA_PORT_BASE, ear, payload, ACQUIRER_PORT);
        }
        return config;
    }

    private static synchronized void stop() throws Exception {
        if (system != null) {
            EmbeddedSystem running = system;
            system = null;
            running.close();
        }
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
