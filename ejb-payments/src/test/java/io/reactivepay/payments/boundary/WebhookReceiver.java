package io.reactivepay.payments.boundary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's webhook endpoint on 127.0.0.1: keeps every request it gets and answers with the
 * scripted statuses in turn (200 once the script is used up), after an optional delay.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String eventId, String signature, String contentType, String body, long receivedAtNanos) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger mostInFlightForOneEvent = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/webhooks", receiver::handle);
        server.setExecutor(Executors.newFixedThreadPool(48));
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<Received> received(Object eventId) {
        return received.stream().filter(r -> r.eventId().equals(eventId.toString())).toList();
    }

    /** The most requests for one event this receiver had open at the same time. */
    int mostInFlightForOneEvent() {
        return mostInFlightForOneEvent.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String eventId = String.valueOf(exchange.getRequestHeaders().getFirst("ReactivePay-Event-Id"));
        AtomicInteger open = inFlight.computeIfAbsent(eventId, id -> new AtomicInteger());
        mostInFlightForOneEvent.accumulateAndGet(open.incrementAndGet(), Math::max);
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(eventId, exchange.getRequestHeaders().getFirst("ReactivePay-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, System.nanoTime()));
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            Integer status = script.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
