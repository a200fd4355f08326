package io.reactivepay.connector.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The issuer's 3-D Secure page: {@code GET /3ds/<reference>} shows a form with two buttons; posting
 * {@code result=authenticated} approves the authorisation, anything else declines it
 * ({@code authentication_failed}); either way the customer is redirected (303) to the shop's return
 * URL with {@code reference=<reference>} added, where the shop asks the acquirer for the status.
 */
final class ChallengeHandler implements HttpHandler {

    private final Acquirer acquirer;

    ChallengeHandler(Acquirer acquirer) {
        this.acquirer = acquirer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String reference = exchange.getRequestURI().getPath().substring("/3ds/".length());
            if (exchange.getRequestMethod().equals("GET")) {
                showChallenge(exchange, reference);
                return;
            }
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Optional<Authorisation> completed = acquirer.completeChallenge(reference,
                    form.contains("result=authenticated"));
            if (completed.isEmpty()) {
                Exchanges.send(exchange, 404, "text/plain", "No challenge is open for " + reference);
                return;
            }
            String returnUrl = completed.get().returnUrl.toString();
            exchange.getResponseHeaders().set("Location",
                    returnUrl + (returnUrl.contains("?") ? "&" : "?") + "reference=" + reference);
            Exchanges.send(exchange, 303, "text/plain", "");
        }
    }

    private void showChallenge(HttpExchange exchange, String reference) throws IOException {
        Optional<Authorisation> open = acquirer.byReference(reference)
                .filter(authorisation -> authorisation.state == Authorisation.State.CHALLENGE);
        if (open.isEmpty()) {
            Exchanges.send(exchange, 404, "text/plain", "No challenge is open for " + reference);
            return;
        }
        Exchanges.send(exchange, 200, "text/html; charset=utf-8", """
                <!DOCTYPE html><html><head><title>3-D Secure (simulator)</title></head><body>
                <h1>Confirm the payment of %s %s with card ending %s</h1>
                <form method="post"><button name="result" value="authenticated">Confirm</button>
                <button name="result" value="failed">Cancel</button></form></body></html>
                """.formatted(Exchanges.majorUnits(open.get().amountMinor, open.get().currency),
                open.get().currency, open.get().lastFour));
    }
}
