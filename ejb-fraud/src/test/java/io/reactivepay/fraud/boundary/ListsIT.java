package io.reactivepay.fraud.boundary;

import static io.reactivepay.fraud.boundary.FraudDatabase.LISTS;
import static io.reactivepay.fraud.boundary.FraudDatabase.inTransaction;
import static io.reactivepay.fraud.boundary.FraudDatabase.request;
import static io.reactivepay.fraud.boundary.FraudDatabase.unique;
import static io.reactivepay.fraud.boundary.RulesIT.screen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.ListEntryRequest;
import io.reactivepay.fraud.api.ListType;
import io.reactivepay.fraud.api.PartyKind;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.RuleKind;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.platform.money.Money;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListsIT {

    @BeforeAll
    static void database() throws Exception {
        FraudDatabase.start();
    }

    private static long list(ListType type, PartyKind kind, String value, Set<String> skipped, boolean overridesBlack)
            throws Exception {
        return inTransaction(() -> LISTS.add(new ListEntryRequest(type, kind, value, "test", skipped, overridesBlack), "risk:rita"));
    }

    private static long black(PartyKind kind, String value) throws Exception {
        return list(ListType.BLACK, kind, value, Set.of(), false);
    }

    @Test
    void blackListedPartiesAreDeclinedWhateverTheirScore() throws Exception {
        String merchant = unique("m");
        FraudDatabase.Request byEmail = request(merchant);
        byEmail.email = unique("Fraudster") + "@Example.COM";
        black(PartyKind.EMAIL, byEmail.email.toLowerCase());
        Decision decision = screen(byEmail);
        assertEquals(Verdict.DECLINE, decision.verdict());
        assertEquals("list.black.email", decision.fired().get(0).ruleKey());

        FraudDatabase.Request byPhone = request(merchant);
        byPhone.phone = "+44 20 7946 " + (1000 + (int) (Math.random() * 8999));
        black(PartyKind.PHONE, byPhone.phone.replace(" ", ""));
        assertEquals(Verdict.DECLINE, screen(byPhone).verdict());

        FraudDatabase.Request byBin = request(merchant);
        byBin.bin = "99" + (100_000 + (int) (Math.random() * 899_999));
        black(PartyKind.BIN, byBin.bin);
        assertEquals(Verdict.DECLINE, screen(byBin).verdict());

        FraudDatabase.Request byWallet = request(merchant);
        byWallet.wallet = unique("w");
        black(PartyKind.WALLET, byWallet.wallet);
        assertEquals(Verdict.DECLINE, screen(byWallet).verdict());

        FraudDatabase.Request byFingerprint = request(merchant);
        black(PartyKind.CARD, byFingerprint.fingerprint);
        assertEquals(Verdict.DECLINE, screen(byFingerprint).verdict());
        assertEquals(Verdict.ALLOW, screen(request(merchant)).verdict(), "an unlisted party");
    }

    @Test
    void personalValuesAreStoredAsKeyedHashes() throws Exception {
        String email = unique("private") + "@example.com";
        black(PartyKind.EMAIL, email);
        assertEquals(0, Expect.count("SELECT count(*) FROM fraud.list_entry WHERE value LIKE '%example.com%'"));
        assertEquals(Optional.of(ListType.BLACK), inTransaction(() -> LISTS.lookup(PartyKind.EMAIL, email.toUpperCase()))
                .map(match -> match.type()));
    }

    @Test
    void anIpRangeMatchesItsAddressesAndTheMostSpecificRangeDecides() throws Exception {
        String merchant = unique("m");
        black(PartyKind.IP, "203.0.113.0/24");
        list(ListType.WHITE, PartyKind.IP, "203.0.113.77", Set.of(), false);
        black(PartyKind.IP, "2001:db8:abcd::/48");
        assertEquals(Verdict.DECLINE, RulesIT.verdict(merchant, r -> r.ip = "203.0.113.5"));
        assertEquals(Verdict.ALLOW, RulesIT.verdict(merchant, r -> r.ip = "203.0.114.5"));
        assertEquals(Verdict.ALLOW, RulesIT.verdict(merchant, r -> r.ip = "203.0.113.77"));
        assertEquals(Verdict.DECLINE, RulesIT.verdict(merchant, r -> r.ip = "2001:db8:abcd:12::1"));
    }

    @Test
    void blackBeatsWhiteOfAnotherKindUnlessTheWhiteEntrySaysOtherwise() throws Exception {
        String merchant = unique("m");
        FraudDatabase.Request request = request(merchant);
        black(PartyKind.CARD, request.fingerprint);
        list(ListType.WHITE, PartyKind.EMAIL, request.email, Set.of(), false);
        assertEquals(Verdict.DECLINE, screen(request).verdict());

        FraudDatabase.Request vip = request(merchant);
        black(PartyKind.CARD, vip.fingerprint);
        list(ListType.WHITE, PartyKind.EMAIL, vip.email, Set.of(), true);
        Decision decision = screen(vip);
        assertEquals(Verdict.ALLOW, decision.verdict());
        assertEquals("list.white.email", decision.fired().get(0).ruleKey());
    }

    @Test
    void aWhiteEntrySkipsTheRulesItNamesOrAll() throws Exception {
        String merchant = unique("m");
        RulesIT.save(RulesIT.rule("amount-max-eur", merchant, RuleKind.AMOUNT_MAX, RuleAction.DECLINE, 0, "EUR", 5_000L,
                null, null, null));
        FraudDatabase.Request named = request(merchant);
        named.amount = Money.of(9_000, "EUR");
        named.newCard = true;
        list(ListType.WHITE, PartyKind.CARD, named.fingerprint, Set.of("amount-max-eur"), false);
        Decision decision = screen(named);
        assertEquals(Verdict.ALLOW, decision.verdict());
        assertEquals(10, decision.score(), "new-card still applies");

        FraudDatabase.Request all = request(merchant);
        all.amount = Money.of(9_000, "EUR");
        all.newCard = true;
        list(ListType.WHITE, PartyKind.CARD, all.fingerprint, Set.of(), false);
        decision = screen(all);
        assertEquals(Verdict.ALLOW, decision.verdict());
        assertEquals(0, decision.score());

        FraudDatabase.Request unlisted = request(merchant);
        unlisted.amount = Money.of(9_000, "EUR");
        assertEquals(Verdict.DECLINE, screen(unlisted).verdict());
    }

    @Test
    void aCountryListCoversBothTheBinAndTheIpCountry() throws Exception {
        black(PartyKind.COUNTRY, "KP");
        FraudDatabase.Request request = request(unique("m"));
        request.ipCountry = "KP";
        assertEquals(Verdict.DECLINE, screen(request).verdict());
    }

    @Test
    void badEntriesAreRefusedAndLeaveNoTrace() throws Exception {
        long entries = Expect.count("SELECT count(*) FROM fraud.list_entry");
        long audited = Expect.count("SELECT count(*) FROM accounts.audit_log");
        for (String cidr : new String[] {"10.0.0.1/8", "10.0.0.0/33", "not-an-ip", "300.1.2.3", "example.com", "10.0.0.0/x"}) {
            Expect.refused(FraudException.INVALID_LIST_ENTRY,
                    () -> LISTS.add(new ListEntryRequest(ListType.BLACK, PartyKind.IP, cidr, "test", Set.of(), false), "risk:rita"));
        }
        Expect.refused(FraudException.INVALID_LIST_ENTRY, () -> ListType.of("GREY"));
        Expect.refused(FraudException.INVALID_LIST_ENTRY, () -> PartyKind.of("SHOE_SIZE"));
        Expect.refused(FraudException.INVALID_LIST_ENTRY,
                () -> new ListEntryRequest(ListType.BLACK, PartyKind.EMAIL, "a@b.c", "test", Set.of("new-card"), false));
        Expect.refused(FraudException.INVALID_LIST_ENTRY,
                () -> LISTS.add(new ListEntryRequest(ListType.BLACK, PartyKind.EMAIL, "no-at-sign", "test", null, false), "risk:rita"));
        Expect.refused(FraudException.INVALID_LIST_ENTRY,
                () -> LISTS.add(new ListEntryRequest(ListType.BLACK, PartyKind.COUNTRY, "Germany", "test", null, false), "risk:rita"));
        String wallet = unique("w");
        black(PartyKind.WALLET, wallet);
        Expect.refused(FraudException.LIST_ENTRY_EXISTS,
                () -> LISTS.add(new ListEntryRequest(ListType.WHITE, PartyKind.WALLET, wallet, "test", null, false), "risk:rita"));
        assertEquals(entries + 1, Expect.count("SELECT count(*) FROM fraud.list_entry"));
        assertEquals(audited + 1, Expect.count("SELECT count(*) FROM accounts.audit_log"));
    }

    @Test
    void removingAnEntryIsAuditedAndTakesEffect() throws Exception {
        FraudDatabase.Request request = request(unique("m"));
        long id = black(PartyKind.CARD, request.fingerprint);
        inTransaction(() -> {
            LISTS.remove(id, "risk:rita");
            return null;
        });
        assertEquals(Verdict.ALLOW, screen(request).verdict());
        assertTrue(Expect.count("SELECT count(*) FROM accounts.audit_log WHERE action = 'fraud.list.removed' AND object_id = '"
                + id + "'") == 1);
        Expect.refused(FraudException.LIST_ENTRY_NOT_FOUND, () -> {
            LISTS.remove(id, "risk:rita");
            return null;
        });
    }
}
