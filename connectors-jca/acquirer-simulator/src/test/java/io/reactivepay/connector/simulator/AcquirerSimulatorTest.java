package io.reactivepay.connector.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator over real HTTP, as the acquirer resource adapter sees it. */
class AcquirerSimulatorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static AcquirerSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = AcquirerSimulator.start(0, "merchant", "secret", Duration.ofMillis(300));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void answersEachTestCardAsDocumented() throws Exception {
        assertEquals("approved", authorise(TestCard.APPROVE, UUID.randomUUID().toString()).getString("status"));
        assertEquals("approved", authorise(TestCard.SLOW, UUID.randomUUID().toString()).getString("status"));
        for (TestCard card : new TestCard[] {TestCard.INSUFFICIENT_FUNDS, TestCard.STOLEN_CARD, TestCard.DO_NOT_HONOUR}) {
            JsonObject answer = authorise(card, UUID.randomUUID().toString());
            assertEquals("declined", answer.getString("status"));
            assertEquals(card.declineReason(), answer.getString("reason"));
        }
        assertEquals(500, post("/v1/authorisations", authorisation(TestCard.ERROR.number(), "e-1")).statusCode());
    }

    @Test
    void theSameRequestIdReturnsTheFirstAuthorisationAndIsFoundByStatusQuery() throws Exception {
        String requestId = UUID.randomUUID().toString();
        JsonObject first = authorise(TestCard.APPROVE, requestId);
        assertEquals(first.getString("reference"), authorise(TestCard.APPROVE, requestId).getString("reference"));
        HttpResponse<String> status = send(request("/v1/authorisations?requestId=" + requestId).GET());
        assertEquals(first.getString("reference"), json(status.body()).getString("reference"));
        assertEquals("4242", json(status.body()).getString("lastFour"));
        assertEquals(404, send(request("/v1/authorisations?requestId=never-sent").GET()).statusCode());
    }

    @Test
    void capturesAndRefundsNoMoreThanWasAuthorisedAndCaptured() throws Exception {
        String reference = authorise(TestCard.APPROVE, UUID.randomUUID().toString()).getString("reference");
        String base = "/v1/authorisations/" + reference;
        assertEquals("declined", json(post(base + "/captures", settlement("c-1", "10.01")).body()).getString("status"));
        assertEquals("approved", json(post(base + "/captures", settlement("c-2", "6.00")).body()).getString("status"));
        assertEquals("declined", json(post(base + "/refunds", settlement("r-1", "6.01")).body()).getString("status"));
        assertEquals("approved", json(post(base + "/refunds", settlement("r-2", "6.00")).body()).getString("status"));
        assertEquals("declined", json(post(base + "/cancellations", "{\"requestId\":\"v-1\"}").body()).getString("status"));
    }

    @Test
    void aChallengeIsCompletedOnItsPageAndSendsTheCustomerBack() throws Exception {
        String requestId = UUID.randomUUID().toString();
        JsonObject pending = authorise(TestCard.THREE_D_SECURE, requestId);
        assertEquals("challenge", pending.getString("status"));
        URI page = URI.create(pending.getString("redirectUrl"));
        assertTrue(HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body()
                .contains("card ending 3220"));
        HttpResponse<String> back = HTTP.send(HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("result=authenticated")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, back.statusCode());
        assertEquals("http://shop.test/back?reference=" + pending.getString("reference"),
                back.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> status = send(request("/v1/authorisations?requestId=" + requestId).GET());
        assertEquals("approved", json(status.body()).getString("status"));
    }

    @Test
    void refusesWrongCredentials() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(simulator.uri().resolve("/v1/authorisations"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("merchant:wrong".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(authorisation(TestCard.APPROVE.number(), "x"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, answer.statusCode());
    }

    private static JsonObject authorise(TestCard card, String requestId) throws Exception {
        HttpResponse<String> response = post("/v1/authorisations", authorisation(card.number(), requestId));
        assertEquals(201, response.statusCode(), response.body());
        return json(response.body());
    }

    private static String authorisation(String number, String requestId) {
        return """
                {"requestId":"%s","amount":"10.00","currency":"EUR","returnUrl":"http://shop.test/back",
                 "card":{"number":"%s","expiry":"2030-12","cvc":"123"}}""".formatted(requestId, number);
    }

    private static String settlement(String requestId, String amount) {
        return "{\"requestId\":\"%s\",\"amount\":\"%s\",\"currency\":\"EUR\"}".formatted(requestId, amount);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(simulator.uri().resolve(path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("merchant:secret".getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Exchanges.JSON.createReader(new StringReader(body)).readObject();
    }
}
