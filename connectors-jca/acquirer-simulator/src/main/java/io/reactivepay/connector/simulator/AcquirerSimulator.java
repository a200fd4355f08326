package io.reactivepay.connector.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A card acquirer on 127.0.0.1 speaking JSON over HTTP, for the embedded default and for tests. The API
 * ({@code /v1}, HTTP Basic authentication) and the test cards are described in {@link ApiHandler} and
 * {@link TestCard}; {@code /3ds/<reference>} is the page a customer completes a 3-D Secure challenge on.
 */
public final class AcquirerSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AcquirerSimulator.class.getName());

    private final HttpServer server;
    private final ExecutorService threads;

    private AcquirerSimulator(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * @param port      0 for any free port
     * @param slowDelay how long the {@link TestCard#SLOW} card takes to answer
     */
    public static AcquirerSimulator start(int port, String user, String password, Duration slowDelay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        Acquirer acquirer = new Acquirer();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        server.createContext("/v1/", new ApiHandler(acquirer, user, password, slowDelay, base));
        server.createContext("/3ds/", new ChallengeHandler(acquirer));
        // slow answers must not hold up the others
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "acquirer-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
        LOG.log(System.Logger.Level.INFO, "Acquirer simulator listening on {0}", base);
        return new AcquirerSimulator(server, threads);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
