package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.launcher.EmbeddedSystem;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resource adapters deployed inside the EAR and reached from EJBs through connector-api: a card is
 * tokenised by the vault and authorised through the acquirer adapter at the launcher's simulator.
 */
@ExtendWith(RunningSystem.class)
class ConnectorsIT {

    private static final String APPROVE = "4242424242424242";
    private static final String STOLEN = "4000000000009979";
    private static final String CHALLENGE = "4000000000003220";
    private static final String SLOW = "4000000000000259";

    @Test
    void aTokenisedCardIsAuthorisedThroughTheAcquirerAdapterAndItsNumberShowsNowhere() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        JsonObject approved = authorise(system, tokenise(system, APPROVE));
        assertEquals("Approved", approved.getString("outcome"), approved.toString());
        JsonObject declined = authorise(system, tokenise(system, STOLEN));
        assertEquals("Declined", declined.getString("outcome"), declined.toString());
        assertEquals("stolen_card", declined.getString("reason"));
        JsonObject challenge = authorise(system, tokenise(system, CHALLENGE));
        assertEquals("Pending", challenge.getString("outcome"), challenge.toString());
        assertTrue(challenge.getString("redirect").startsWith(system.acquirerUri() + "/3ds/"), challenge.toString());

        assertEquals(3, Database.count(system, "SELECT count(*) FROM vault.card WHERE last_four IN ('4242', '9979', '3220')"));
        for (String number : new String[] {APPROVE, STOLEN, CHALLENGE}) {
            CardNumbers.assertNowhere(system, number);
        }
    }

    @Test
    void aTimeoutIsUnknownNeverDeclinedAndTheStatusQueryResolvesIt() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        String requestId = UUID.randomUUID().toString();
        Http.Reply reply = Http.postForm(system.baseUri().resolve("/probe/cards/" + tokenise(system, SLOW) + "/authorisations"),
                Map.of("cvc", "737", "requestId", requestId));
        assertEquals(200, reply.status(), reply.body());
        assertEquals("Unknown", reply.json().getString("outcome"), reply.body());
        assertTrue(reply.json().getString("detail").contains("10000 ms"), reply.body());

        Http.Reply status = Http.get(system.baseUri().resolve("/probe/cards/authorisations/" + requestId));
        assertEquals(200, status.status(), status.body());
        assertEquals("Approved", status.json().getString("outcome"), "the acquirer approved it after all: " + status.body());
        CardNumbers.assertNowhere(system, SLOW);
    }

    @Test
    void anInvalidCardNumberIsRefusedByTheVault() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        Http.Reply refused = Http.postForm(system.baseUri().resolve("/probe/cards"),
                Map.of("number", "4242424242424241", "expiry", YearMonth.now().plusYears(2).toString()));
        assertFalse(refused.status() == 200, refused.body());
        CardNumbers.assertNowhere(system, "4242424242424241");
    }

    @Test
    void administratorsSeeTheDeployedConnectorsWithoutSecrets() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        Http.Reply reply = Http.get(system.baseUri().resolve("/probe/cards/connectors"));
        assertEquals(200, reply.status(), reply.body());
        Map<String, JsonObject> byName = reply.json().getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(info -> info.getString("name"), Function.identity()));
        assertEquals(Set.of("acquirer-rar", "bank-rar", "sms-rar"), byName.keySet());
        assertEquals(system.bankFolder("outbox").toString(),
                byName.get("bank-rar").getJsonObject("settings").getString("outboxDirectory"));
        JsonObject acquirer = byName.get("acquirer-rar");
        assertEquals("CLOSED", acquirer.getString("circuit"));
        assertEquals(system.acquirerUri().toString(), acquirer.getJsonObject("settings").getString("serverUrl"));
        assertFalse(reply.body().toLowerCase().contains("password"), reply.body());
        assertFalse(reply.body().contains("\"simulator\""), "the simulator's password: " + reply.body());
    }

    @Test
    void aPayoutThroughTheBankAdapterIsAPain001FileInTheOutbox() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        String endToEndId = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply reply = Http.postForm(system.baseUri().resolve("/probe/bank/payouts"),
                Map.of("endToEndId", endToEndId, "iban", "DE02120300000000202051"));
        assertEquals(200, reply.status(), reply.body());
        assertEquals("Pending", reply.json().getString("outcome"), reply.body());
        Path file = system.bankFolder("outbox").resolve(reply.json().getString("reference") + ".xml");
        String xml = Files.readString(file);
        assertTrue(xml.contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"), xml);
        assertTrue(xml.contains("<EndToEndId>" + endToEndId + "</EndToEndId>"), xml);
        assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">123.45</InstdAmt>"), xml);
    }

    private static String tokenise(EmbeddedSystem system, String number) throws Exception {
        Http.Reply reply = Http.postForm(system.baseUri().resolve("/probe/cards"),
                Map.of("number", number, "expiry", YearMonth.now().plusYears(2).toString()));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(number.substring(12), reply.json().getString("lastFour"));
        return reply.json().getString("token");
    }

    private static JsonObject authorise(EmbeddedSystem system, String token) throws Exception {
        Http.Reply reply = Http.postForm(system.baseUri().resolve("/probe/cards/" + token + "/authorisations"),
                Map.of("cvc", "737", "requestId", UUID.randomUUID().toString()));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}
