package io.reactivepay.connector.simulator;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;

/** Reading and answering one HTTP exchange: JSON bodies, amounts as decimal strings in major units. */
final class Exchanges {

    static final JsonProvider JSON = JsonProvider.provider();

    private Exchanges() {
    }

    static JsonObject readJson(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try (var reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendJson(HttpExchange exchange, int status, JsonObject body) throws IOException {
        send(exchange, status, "application/json", body.toString());
    }

    static void sendError(HttpExchange exchange, int status, String error) throws IOException {
        sendJson(exchange, status, JSON.createObjectBuilder().add("error", error).build());
    }

    static long minorUnits(String amount, String currency) {
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        return new BigDecimal(amount).movePointRight(scale).longValueExact();
    }

    static String majorUnits(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString();
    }
}
