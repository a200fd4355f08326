package io.reactivepay.payments.boundary;

import static io.reactivepay.payments.boundary.PaymentsDatabase.accounts;
import static io.reactivepay.payments.boundary.PaymentsDatabase.inTransaction;
import static io.reactivepay.payments.boundary.PaymentsDatabase.ledger;
import static io.reactivepay.payments.boundary.PaymentsDatabase.merchantAccounts;
import static io.reactivepay.payments.boundary.PaymentsDatabase.wallets;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.WalletSignUp;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.InvariantReport;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.platform.json.Jsons;
import io.reactivepay.platform.money.Money;
import io.reactivepay.wallet.api.OpenWallet;
import io.reactivepay.wallet.api.WalletView;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Merchants, customers with funded wallets, cards, calls, balances and invariants for the payments ITs. */
final class Fixtures {

    static final Currency EUR = Currency.getInstance("EUR");

    private Fixtures() {
    }

    static UUID activeMerchant() throws Exception {
        Merchant merchant = inTransaction(() -> accounts.merchants.register("Shop " + UUID.randomUUID(), EUR, "admin:test"));
        inTransaction(() -> accounts.merchants.changeStatus(merchant.id(), Merchant.Status.ACTIVE, "admin:test"));
        return merchant.id();
    }

    record Customer(UUID profileId, WalletView wallet, String token) {
        Payer.Wallet payer() {
            return new Payer.Wallet(wallet.id(), token);
        }

        UUID account() {
            return wallet.ledgerAccountId();
        }
    }

    static Customer customer(long fundedMinor) throws Exception {
        CustomerProfile profile = inTransaction(() -> accounts.profiles.signUp(new WalletSignUp(
                "+49151" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000), null, null, null, null, null)));
        WalletView wallet = inTransaction(() -> wallets.open(new OpenWallet(profile.id().toString(), EUR)));
        if (fundedMinor > 0) {
            inTransaction(() -> ledger.ledger.transfer("test", UUID.randomUUID().toString(),
                    ledger.ledger.systemAccount(SystemAccount.WORLD, EUR).id(), wallet.ledgerAccountId(),
                    new Money(fundedMinor, EUR), EntryCode.TOP_UP));
        }
        String token = inTransaction(() -> accounts.tokens.issue(profile.id())).token();
        return new Customer(profile.id(), wallet, token);
    }

    static Payer.CardToken card(String number) throws Exception {
        UUID token = inTransaction(() -> PaymentsDatabase.vault.tokenise(number, YearMonth.now().plusYears(2))).token();
        return new Payer.CardToken(token, "123");
    }

    static MerchantCall call(UUID merchant) {
        return new MerchantCall(merchant, "key-" + UUID.randomUUID(), "digest-" + UUID.randomUUID());
    }

    static long posted(UUID account) throws Exception {
        return inTransaction(() -> ledger.ledger.balance(account).posted().minorUnits());
    }

    static long available(UUID account) throws Exception {
        return inTransaction(() -> ledger.ledger.balance(account).available().minorUnits());
    }

    static UUID pending(UUID merchant) throws Exception {
        return inTransaction(() -> merchantAccounts.of(merchant, EUR).pending());
    }

    static UUID system(SystemAccount role) throws Exception {
        return inTransaction(() -> ledger.ledger.systemAccount(role, EUR).id());
    }

    static void assertInvariants() throws Exception {
        InvariantReport report = inTransaction(() -> ledger.audit.verify());
        assertTrue(report.holds(), () -> "ledger invariants: " + report.violations());
    }

    static JsonObject json(String body) {
        return Jsons.PROVIDER.createReader(new StringReader(body)).readObject();
    }

    static UUID id(String body) {
        return UUID.fromString(json(body).getString("id"));
    }

    /** The types of the payment's events in the outbox, in the order they were written. */
    static List<String> events(UUID paymentId) throws Exception {
        return strings("SELECT event_type FROM ledger.outbox WHERE topic = 'payments.events' AND event_key = ? "
                + "ORDER BY id", paymentId.toString());
    }

    static List<String> strings(String sql, Object key) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, key);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
        }
        return values;
    }

    static long count(String sql, Object key) throws Exception {
        return Long.parseLong(strings(sql, key).get(0));
    }

    static void execute(String sql, Object key) throws Exception {
        try (Connection connection = TestDatabase.connect(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, key);
            update.executeUpdate();
        }
    }
}
