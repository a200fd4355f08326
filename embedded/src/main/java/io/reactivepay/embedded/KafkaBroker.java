package io.reactivepay.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.System.Logger.Level;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka cluster (one KRaft broker and controller in one {@link KafkaRaftServer}) running inside
 * this JVM and listening on 127.0.0.1 only. It can be stopped and started again in the same JVM.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final int port;
    private final String clusterId;
    private boolean closed;

    private KafkaBroker(KafkaRaftServer server, int port, String clusterId) {
        this.server = server;
        this.port = port;
        this.clusterId = clusterId;
    }

    /**
     * Starts the broker with clients on {@code 127.0.0.1:port} and the controller on
     * {@code 127.0.0.1:controllerPort}, formatting {@code logDir} on first use; returns once the broker is ready.
     *
     * @throws IllegalStateException if either port is already in use
     */
    public static KafkaBroker start(Path logDir, int port, int controllerPort) throws IOException {
        long startedAt = System.nanoTime();
        Path dir = logDir.toAbsolutePath().normalize();
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "the Kafka controller");
        Properties configuration = configuration(dir, port, controllerPort);
        formatIfNeeded(dir, configuration);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(configuration, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            }
            throw e;
        }
        KafkaBroker broker = new KafkaBroker(server, port, readClusterId(dir));
        LOG.log(Level.INFO, "Kafka started on {0}, cluster {1}, logs in {2} ({3} ms)", broker.bootstrapServers(),
                broker.clusterId, dir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String clusterId() {
        return clusterId;
    }

    /** Shuts the broker and controller down and waits until all their threads have finished. */
    @Override
    public synchronized void close() {
        if (!closed) {
            server.shutdown();
            server.awaitShutdown();
            closed = true;
            LOG.log(Level.INFO, "Kafka on {0} stopped", bootstrapServers());
        }
    }

    private static Properties configuration(Path logDir, int port, int controllerPort) {
        String controller = "127.0.0.1:" + controllerPort;
        Properties configuration = new Properties();
        configuration.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(NODE_ID)),
                // A static voter set rather than a formatted dynamic quorum: the controller address then comes
                // from this configuration on every start, so the controller port may change between runs.
                Map.entry("controller.quorum.voters", NODE_ID + "@" + controller),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://" + controller),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("auto.create.topics.enable", "true"),
                // One node: every topic, internal ones included, has a single replica.
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Consumers of a new group get their partitions at once instead of after 3 s.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The broker shares the launcher's heap on a small machine: defaults meant for big dedicated
                // brokers are cut down, above all the log cleaner's 128 MiB dedupe buffer.
                Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024)),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.num.partitions", "10"),
                Map.entry("share.coordinator.state.topic.num.partitions", "10"),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "4"),
                Map.entry("background.threads", "2"),
                Map.entry("num.recovery.threads.per.data.dir", "1"),
                Map.entry("group.coordinator.threads", "1"),
                Map.entry("share.coordinator.threads", "1")));
        return configuration;
    }

    /**
     * Formats the log directory once, through the code behind {@code kafka-storage.sh format}; that writes
     * meta.properties last, so its presence means a complete format. The random cluster id is kept in it.
     */
    private static void formatIfNeeded(Path logDir, Properties configuration) throws IOException {
        if (Files.exists(logDir.resolve(META_PROPERTIES))) {
            return;
        }
        Files.createDirectories(logDir);
        String clusterId = Uuid.randomUuid().toString();
        Path configFile = Files.createTempFile("reactivepay-kafka", ".properties");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                configuration.store(writer, null);
            }
            String[] arguments = {"format", "--config", configFile.toString(), "--cluster-id", clusterId};
            int exitCode = StorageTool.execute(arguments, printStream);
            if (exitCode != 0) {
                throw new IOException("Could not format the Kafka log directory " + logDir + " (exit code " + exitCode
                        + "):\n" + output.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (RuntimeException e) { // FormatterException and TerseFailure report invalid settings
            throw new IOException("Could not format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(configFile);
        }
        LOG.log(Level.INFO, "Formatted the Kafka log directory {0} for new cluster {1}", logDir, clusterId);
        LOG.log(Level.DEBUG, output.toString(StandardCharsets.UTF_8).strip());
    }

    private static String readClusterId(Path logDir) throws IOException {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }
}
