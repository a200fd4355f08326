package io.reactivepay.connector.acquirer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.acquiring.Authorisation;
import io.reactivepay.connector.api.acquiring.Card;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnection;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.connector.api.acquiring.Settlement;
import io.reactivepay.connector.api.admin.CircuitState;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.connector.simulator.AcquirerSimulator;
import io.reactivepay.connector.simulator.TestCard;
import io.reactivepay.platform.money.Money;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resource adapter's managed connection factory in non-managed mode, against the simulator over real HTTP. */
class AcquirerAdapterTest {

    private static final Money TEN_EUROS = Money.of(1000, "EUR");
    private static final URI RETURN_URL = URI.create("http://shop.test/back");
    private static AcquirerSimulator simulator;
    private static CardAcquiringConnectionFactory acquirer;

    @BeforeAll
    static void start() throws Exception {
        simulator = AcquirerSimulator.start(0, "reactivepay", "s3cret", Duration.ofMillis(1500));
        acquirer = factory(simulator.uri().toString(), 10, 60_000);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void approvesTheApprovalCard() {
        assertInstanceOf(Outcome.Approved.class, authorise(acquirer, TestCard.APPROVE, UUID.randomUUID().toString()));
    }

    @Test
    void declinesEachDeclineCardWithItsReason() {
        assertEquals(new Outcome.Declined("insufficient_funds"), authorise(acquirer, TestCard.INSUFFICIENT_FUNDS, id()));
        assertEquals(new Outcome.Declined("stolen_card"), authorise(acquirer, TestCard.STOLEN_CARD, id()));
        assertEquals(new Outcome.Declined("do_not_honour"), authorise(acquirer, TestCard.DO_NOT_HONOUR, id()));
    }

    @Test
    void aChallengeIsPendingWithItsRedirectAndApprovedOnceTheCustomerConfirms() throws Exception {
        String requestId = id();
        Outcome.Pending pending = assertInstanceOf(Outcome.Pending.class,
                authorise(acquirer, TestCard.THREE_D_SECURE, requestId));
        URI challenge = pending.redirect().orElseThrow();
        assertInstanceOf(Outcome.Pending.class, status(requestId));

        HttpResponse<Void> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(challenge)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("result=authenticated")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(303, back.statusCode());
        assertEquals(new Outcome.Approved(pending.reference()), status(requestId));
    }

    @Test
    void aTimeoutIsUnknownNeverDeclinedAndTheStatusQueryResolvesIt() throws Exception {
        CardAcquiringConnectionFactory impatient = factory(simulator.uri().toString(), 10, 60_000, 400);
        String requestId = id();
        Outcome outcome = authorise(impatient, TestCard.SLOW, requestId);
        Outcome.Unknown unknown = assertInstanceOf(Outcome.Unknown.class, outcome);
        assertTrue(unknown.detail().contains("400 ms"), unknown.detail());
        Thread.sleep(1500);
        assertInstanceOf(Outcome.Approved.class, status(requestId), "the acquirer approved it after all");
    }

    @Test
    void aServerErrorIsUnknown() {
        assertInstanceOf(Outcome.Unknown.class, authorise(acquirer, TestCard.ERROR, id()));
    }

    @Test
    void anUnreachableAcquirerIsUnknown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CardAcquiringConnectionFactory nowhere = factory("http://127.0.0.1:" + closedPort, 10, 60_000);
        assertInstanceOf(Outcome.Unknown.class, authorise(nowhere, TestCard.APPROVE, id()));
    }

    @Test
    void aStatusQueryForARequestNeverReceivedIsDeclinedNotFound() {
        assertEquals(new Outcome.Declined("not_found"), status("never-sent-" + id()));
    }

    @Test
    void capturesRefundsAndCancelsAtTheAcquirer() {
        String reference = ((Outcome.Approved) authorise(acquirer, TestCard.APPROVE, id())).reference();
        try (CardAcquiringConnection connection = acquirer.getConnection()) {
            assertEquals(new Outcome.Declined("amount_exceeds_authorisation"),
                    connection.capture(new Settlement(id(), reference, Money.of(1001, "EUR"))));
            assertEquals(new Outcome.Approved(reference), connection.capture(new Settlement(id(), reference, TEN_EUROS)));
            assertEquals(new Outcome.Approved(reference), connection.refund(new Settlement(id(), reference, Money.of(400, "EUR"))));
            assertEquals(new Outcome.Declined("not_cancellable"), connection.cancel(id(), reference));
        }
        String uncaptured = ((Outcome.Approved) authorise(acquirer, TestCard.APPROVE, id())).reference();
        try (CardAcquiringConnection connection = acquirer.getConnection()) {
            assertEquals(new Outcome.Approved(uncaptured), connection.cancel(id(), uncaptured));
            assertEquals(new Outcome.Declined("not_authorised"),
                    connection.capture(new Settlement(id(), uncaptured, TEN_EUROS)));
        }
    }

    @Test
    void theCircuitOpensAfterConsecutiveFailuresAndClosesAfterASuccessfulProbe() throws Exception {
        CardAcquiringConnectionFactory fragile = factory(simulator.uri().toString(), 2, 500);
        assertInstanceOf(Outcome.Unknown.class, authorise(fragile, TestCard.ERROR, id()));
        assertEquals(CircuitState.CLOSED, fragile.describe().circuit());
        assertInstanceOf(Outcome.Unknown.class, authorise(fragile, TestCard.ERROR, id()));
        assertEquals(CircuitState.OPEN, fragile.describe().circuit());

        String refused = id();
        assertEquals(new Outcome.Declined(AcquirerClient.UNAVAILABLE), authorise(fragile, TestCard.APPROVE, refused));
        assertEquals(new Outcome.Declined("not_found"), status(refused), "nothing was sent while open");

        Thread.sleep(600);
        assertInstanceOf(Outcome.Approved.class, authorise(fragile, TestCard.APPROVE, id()));
        assertEquals(CircuitState.CLOSED, fragile.describe().circuit());
    }

    @Test
    void aFailedProbeOpensTheCircuitAgain() throws Exception {
        CardAcquiringConnectionFactory fragile = factory(simulator.uri().toString(), 1, 300);
        authorise(fragile, TestCard.ERROR, id());
        Thread.sleep(400);
        assertInstanceOf(Outcome.Unknown.class, authorise(fragile, TestCard.ERROR, id()));
        assertEquals(CircuitState.OPEN, fragile.describe().circuit());
        assertEquals(new Outcome.Declined(AcquirerClient.UNAVAILABLE), authorise(fragile, TestCard.APPROVE, id()));
    }

    @Test
    void describesItsSettingsWithoutThePassword() {
        ConnectorInfo info = acquirer.describe();
        assertEquals("acquirer-rar", info.name());
        assertEquals(simulator.uri().toString(), info.settings().get("serverUrl"));
        assertFalse(info.settings().containsValue("s3cret"), info.settings().toString());
        assertFalse(info.settings().containsKey("password"));
    }

    @Test
    void aClosedConnectionCannotBeUsed() {
        CardAcquiringConnection connection = acquirer.getConnection();
        connection.close();
        assertThrows(IllegalStateException.class, () -> connection.status(id()));
    }

    private static CardAcquiringConnectionFactory factory(String url, int threshold, int coolDownMillis) throws Exception {
        return factory(url, threshold, coolDownMillis, 5000);
    }

    private static CardAcquiringConnectionFactory factory(String url, int threshold, int coolDownMillis,
            int readTimeoutMillis) throws Exception {
        AcquirerManagedConnectionFactory managed = new AcquirerManagedConnectionFactory();
        managed.setServerUrl(url);
        managed.setPassword("s3cret");
        managed.setReadTimeoutMillis(readTimeoutMillis);
        managed.setConnectTimeoutMillis(1000);
        managed.setFailureThreshold(threshold);
        managed.setCoolDownMillis(coolDownMillis);
        return (CardAcquiringConnectionFactory) managed.createConnectionFactory();
    }

    private static Outcome authorise(CardAcquiringConnectionFactory factory, TestCard card, String requestId) {
        try (CardAcquiringConnection connection = factory.getConnection()) {
            return connection.authorise(new Authorisation(requestId, TEN_EUROS,
                    new Card(card.number(), YearMonth.now().plusYears(2), "123"), RETURN_URL));
        }
    }

    private static Outcome status(String requestId) {
        try (CardAcquiringConnection connection = acquirer.getConnection()) {
            return connection.status(requestId);
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
