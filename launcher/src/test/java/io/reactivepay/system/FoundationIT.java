package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.launcher.EmbeddedSystem;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deployed EAR on Payara Server with real PostgreSQL and Kafka. */
@ExtendWith(RunningSystem.class)
class FoundationIT {

    @Test
    void healthIsUpWithDatabaseAndKafka() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        Http.Reply reply = Http.get(system.healthUri());
        assertEquals(200, reply.status(), reply.body());
        JsonObject health = reply.json();
        assertEquals("UP", health.getString("status"));
        List<String> up = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("status").equals("UP"))
                .map(check -> check.getString("name")).sorted().toList();
        assertEquals(List.of("database", "kafka"), up);
    }

    @Test
    void aWalletAndItsLedgerAccountCommitTogetherAndTheEventIsPublished() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        String customer = "customer-" + UUID.randomUUID();
        JsonObject wallet = openWallet(system, customer, "commit");
        UUID walletId = UUID.fromString(wallet.getString("id"));
        UUID accountId = UUID.fromString(wallet.getString("ledgerAccountId"));

        assertEquals(1, Database.count(system, "SELECT count(*) FROM wallet.wallet WHERE id = ?", walletId));
        assertEquals(1, Database.count(system,
                "SELECT count(*) FROM ledger.account WHERE id = ? AND kind = 'CUSTOMER_WALLET'", accountId));
        List<ConsumerRecord<String, String>> events = EventLog.readUntil(system.kafkaBootstrapServers(),
                "wallet.events", event -> event.key().equals(walletId.toString()), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = events.stream()
                .filter(event -> event.key().equals(walletId.toString())).toList();
        assertEquals(1, mine.size(), "exactly one WalletOpened event for the wallet");
        assertTrue(mine.get(0).value().contains(accountId.toString()), mine.get(0).value());
    }

    @Test
    void aRolledBackTransactionLeavesNothingInEitherModuleAndPublishesNothing() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        JsonObject rolledBack = openWallet(system, "customer-" + UUID.randomUUID(), "rollback");
        UUID walletId = UUID.fromString(rolledBack.getString("id"));
        UUID accountId = UUID.fromString(rolledBack.getString("ledgerAccountId"));
        // a committed wallet after it: once its event is on the topic, the relay has passed the rolled-back one
        UUID marker = UUID.fromString(openWallet(system, "customer-" + UUID.randomUUID(), "commit").getString("id"));

        assertEquals(0, Database.count(system, "SELECT count(*) FROM wallet.wallet WHERE id = ?", walletId));
        assertEquals(0, Database.count(system, "SELECT count(*) FROM ledger.account WHERE id = ?", accountId));
        assertEquals(0, Database.count(system,
                "SELECT count(*) FROM ledger.outbox WHERE event_key = ?", walletId.toString()));
        List<ConsumerRecord<String, String>> events = EventLog.readUntil(system.kafkaBootstrapServers(),
                "wallet.events", event -> event.key().equals(marker.toString()), Duration.ofSeconds(30));
        assertTrue(events.stream().anyMatch(event -> event.key().equals(marker.toString())), "marker published");
        assertFalse(events.stream().anyMatch(event -> event.key().equals(walletId.toString())),
                "no event for the rolled-back wallet");
    }

    @Test
    void aSecondWalletInTheSameCurrencyIsRefusedAndChangesNothing() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        String customer = "customer-" + UUID.randomUUID();
        openWallet(system, customer, "commit");
        Http.Reply again = Http.post(system.baseUri().resolve("/probe/wallets?currency=EUR&then=commit&customer=" + customer));
        assertTrue(again.status() >= 400, "refused: " + again.status());
        assertEquals(1, Database.count(system, "SELECT count(*) FROM wallet.wallet WHERE customer_ref = ?", customer));
        assertEquals(1, Database.count(system,
                "SELECT count(*) FROM ledger.account WHERE owner_ref = ?", "wallet:" + customer));
    }

    @Test
    void aCodeSentThroughTheTextMessageAdapterArrivesAndVerifiesOnce() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        String phone = "+4915" + (100_000_000L + (long) (Math.random() * 800_000_000L));
        Http.Reply sent = Http.post(system.baseUri().resolve("/probe/codes?phone=" + phone.replace("+", "%2B")));
        assertEquals(200, sent.status(), sent.body());
        String challenge = sent.json().getString("challengeId");
        String code = lastCodeSentTo(system.smsOutbox(), phone);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertFalse(verify(system, challenge, wrong), "a wrong code is refused");
        assertTrue(verify(system, challenge, code), "the code from the message is accepted");
        assertFalse(verify(system, challenge, code), "a code works once");
        assertEquals(1, Database.count(system, "SELECT count(*) FROM wallet.code_challenge WHERE id = ?::uuid"
                        + " AND code_hash = sha256(convert_to(?, 'UTF8')) AND used_at IS NOT NULL", challenge, challenge + code),
                "the challenge keeps the salted hash of the code, not the code, and is used up");
    }

    private static boolean verify(EmbeddedSystem system, String challenge, String code) throws Exception {
        Http.Reply reply = Http.post(system.baseUri().resolve("/probe/codes/" + challenge + "/verify?code=" + code));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getBoolean("valid");
    }

    private static String lastCodeSentTo(Path outbox, String phone) throws Exception {
        Pattern line = Pattern.compile(" " + Pattern.quote(phone) + " Your ReactivePay code is (\\d{6})\\.");
        String code = null;
        for (String text : Files.readAllLines(outbox.resolve("messages.log"))) {
            Matcher matcher = line.matcher(text);
            if (matcher.find()) {
                code = matcher.group(1);
            }
        }
        assertTrue(code != null, "a message to " + phone + " in " + outbox);
        return code;
    }

    static JsonObject openWallet(EmbeddedSystem system, String customer, String then) throws Exception {
        Http.Reply reply = Http.post(system.baseUri().resolve(
                "/probe/wallets?currency=EUR&then=" + then + "&customer=" + customer));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}
