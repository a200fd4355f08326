package io.reactivepay.payments.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.BankAccount;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.boundary.MerchantsForPayouts;
import io.reactivepay.connector.api.banking.BankTransferConnectionFactory;
import io.reactivepay.connector.bank.BankManagedConnectionFactory;
import io.reactivepay.embedded.TestClock;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.InvariantReport;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.ledger.boundary.LedgerForPayouts;
import io.reactivepay.payments.control.JobLeases;
import io.reactivepay.payments.control.MerchantLedgerAccounts;
import io.reactivepay.payments.control.PayoutBooks;
import io.reactivepay.payments.control.PayoutStore;
import io.reactivepay.payments.control.Receipts;
import io.reactivepay.payments.control.ReserveShares;
import io.reactivepay.payments.control.SettlementConfig;
import io.reactivepay.payments.control.SettlementStore;
import io.reactivepay.payments.control.Settler;
import io.reactivepay.payments.control.StatementLines;
import io.reactivepay.platform.money.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The payouts and settlement beans wired by hand on {@link TestDatabase} with the real ledger, the real
 * merchants bean and the real bank adapter (non-managed) writing pain.001 files to, and reading camt.053
 * statements from, folders under {@code target}. Money comes in as payments posts it: captures credit a
 * merchant's pending account net of the fee with {@code paymentId}, {@code gross} and {@code fee}.
 */
final class PayoutDatabase {

    static final TestClock CLOCK = new TestClock(Instant.now());
    static final Duration CHECK_INTERVAL = Duration.ofMinutes(5);
    static final String IBAN = "DE02120300000000202051";

    static LedgerForPayouts ledger;
    static Merchants merchants;
    static final MerchantAccountsBean ACCOUNTS = new MerchantAccountsBean();
    static final PayoutsBean PAYOUTS = new PayoutsBean();
    static final BankPayouts BANK = new BankPayouts();
    static final SettlementsBean SETTLEMENTS = new SettlementsBean();
    static Path bankDir;
    static Path reportDir;

    private PayoutDatabase() {
    }

    /** REQUIRES_NEW as the container gives it: each step commits on its own. */
    static final class TestTransactions extends NewTransaction {
        @Override
        public <T> T call(Supplier<T> step) {
            try {
                return TestDatabase.inTransaction(step::get);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static synchronized void start() throws Exception {
        if (ledger != null) {
            return;
        }
        TestDatabase.start("accounts", "ledger", "payments");
        Path root = Files.createDirectories(Path.of("target", "payouts-it-" + ProcessHandle.current().pid()).toAbsolutePath());
        bankDir = root.resolve("bank");
        reportDir = root.resolve("settlements");
        ledger = new LedgerForPayouts(TestDatabase.DATA_SOURCE);
        merchants = MerchantsForPayouts.on(TestDatabase.DATA_SOURCE);
        NewTransaction transactions = new TestTransactions();
        PayoutStore store = new PayoutStore();
        PayoutBooks books = new PayoutBooks(ledger.ledger, ledger.outbox, store);
        SettlementConfig config = config(Duration.ofDays(1), LocalTime.of(2, 0), true);

        ACCOUNTS.dataSource = TestDatabase.DATA_SOURCE;
        ACCOUNTS.ledger = ledger.ledger;

        BANK.bank = bank(bankDir);
        BANK.dataSource = TestDatabase.DATA_SOURCE;
        BANK.transactions = transactions;
        BANK.merchants = merchants;
        BANK.store = store;
        BANK.books = books;
        BANK.lines = new StatementLines();
        BANK.leases = new JobLeases();
        BANK.config = config;
        BANK.clock = CLOCK;

        PAYOUTS.dataSource = TestDatabase.DATA_SOURCE;
        PAYOUTS.transactions = transactions;
        PAYOUTS.merchants = merchants;
        PAYOUTS.settlements = new SettlementStore();
        PAYOUTS.bank = BANK;
        PAYOUTS.receipts = new Receipts();
        PAYOUTS.store = store;
        PAYOUTS.books = books;
        PAYOUTS.clock = CLOCK;

        wire(SETTLEMENTS, config);
    }

    /** A settlements bean as one server instance has it, with its own configuration. */
    static SettlementsBean settlements(SettlementConfig config) {
        return wire(new SettlementsBean(), config);
    }

    private static SettlementsBean wire(SettlementsBean bean, SettlementConfig config) {
        SettlementStore settlements = new SettlementStore();
        bean.dataSource = TestDatabase.DATA_SOURCE;
        bean.ledger = ledger.ledger;
        bean.merchants = merchants;
        bean.transactions = new TestTransactions();
        bean.bank = BANK;
        bean.store = settlements;
        bean.settler = new Settler(ledger.ledger, settlements, new PayoutBooks(ledger.ledger, ledger.outbox,
                new PayoutStore()));
        bean.reserves = new ReserveShares(ledger.ledger);
        bean.config = config;
        bean.clock = CLOCK;
        return bean;
    }

    static SettlementConfig config(Duration delay, LocalTime batchTime, boolean autoPayout) {
        return new SettlementConfig(delay, batchTime, autoPayout, reportDir, CHECK_INTERVAL, Duration.ofMinutes(1));
    }

    /** The real bank adapter, not managed by a container, over the given folder. */
    static BankTransferConnectionFactory bank(Path dir) throws Exception {
        BankManagedConnectionFactory managed = new BankManagedConnectionFactory();
        managed.setOutboxDirectory(dir.resolve("outbox").toString());
        managed.setInboxDirectory(dir.resolve("inbox").toString());
        return (BankTransferConnectionFactory) managed.createConnectionFactory();
    }

    /** The current test transaction's connection, for control classes called directly. */
    static Connection connection() throws java.sql.SQLException {
        return TestDatabase.DATA_SOURCE.getConnection();
    }

    static <T> T tx(Callable<T> work) throws Exception {
        return TestDatabase.inTransaction(work);
    }

    /** An active merchant, with a bank account or without. */
    static UUID merchant(boolean withBankAccount) throws Exception {
        Merchant merchant = tx(() -> merchants.register("Shop " + UUID.randomUUID(), Currency.getInstance("EUR"),
                "admin:test"));
        tx(() -> merchants.changeStatus(merchant.id(), Merchant.Status.ACTIVE, "admin:test"));
        if (withBankAccount) {
            tx(() -> {
                merchants.updateSettlement(merchant.id(), Currency.getInstance("EUR"),
                        new BankAccount("Müller & Söhne GmbH", IBAN, "BYLADEM1001"), "admin:test");
                return null;
            });
        }
        return merchant.id();
    }

    static MerchantLedgerAccounts accounts(UUID merchantId) throws Exception {
        return tx(() -> ACCOUNTS.of(merchantId, Currency.getInstance("EUR")));
    }

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    /** A capture as payments posts it: clearing pays the gross, the merchant's pending gets it less the fee. */
    static UUID capture(MerchantLedgerAccounts a, long gross, long fee) throws Exception {
        UUID paymentId = UUID.randomUUID();
        List<Posting> postings = new ArrayList<>(List.of(Posting.debit(system(SystemAccount.ACQUIRER_CLEARING), eur(gross)),
                Posting.credit(a.pending(), eur(gross - fee))));
        if (fee > 0) {
            postings.add(Posting.credit(system(SystemAccount.FEES), eur(fee)));
        }
        post(EntryCode.CAPTURE, postings,
                Map.of("paymentId", paymentId.toString(), "gross", Long.toString(gross), "fee", Long.toString(fee)));
        return paymentId;
    }

    static void refund(MerchantLedgerAccounts a, long amount) throws Exception {
        post(EntryCode.REFUND, List.of(Posting.debit(a.pending(), eur(amount)),
                        Posting.credit(system(SystemAccount.ACQUIRER_CLEARING), eur(amount))),
                Map.of("refundId", UUID.randomUUID().toString(), "paymentId", UUID.randomUUID().toString()));
    }

    /** Opens a chargeback: the merchant's money is held in the reserve. Returns its id. */
    static String chargeback(MerchantLedgerAccounts a, long amount) throws Exception {
        String chargebackId = UUID.randomUUID().toString();
        post(EntryCode.CHARGEBACK, List.of(Posting.debit(a.pending(), eur(amount)),
                        Posting.credit(system(SystemAccount.CHARGEBACK_RESERVE), eur(amount))),
                Map.of("chargebackId", chargebackId, "paymentId", UUID.randomUUID().toString()));
        return chargebackId;
    }

    /** Closes a chargeback: the reserve pays the merchant back (won) or the acquirer (lost). */
    static void closeChargeback(String chargebackId, UUID to, long amount) throws Exception {
        post(EntryCode.CHARGEBACK, List.of(Posting.debit(system(SystemAccount.CHARGEBACK_RESERVE), eur(amount)),
                Posting.credit(to, eur(amount))), Map.of("chargebackId", chargebackId));
    }

    /** Money already settled: straight into available, as an earlier settlement would have put it. */
    static void fundAvailable(MerchantLedgerAccounts a, long amount) throws Exception {
        post(EntryCode.ADJUSTMENT, List.of(Posting.debit(system(SystemAccount.ACQUIRER_CLEARING), eur(amount)),
                Posting.credit(a.available(), eur(amount))), Map.of("test", "funding"));
    }

    private static void post(EntryCode code, List<Posting> postings, Map<String, String> metadata) throws Exception {
        tx(() -> ledger.ledger.post(new PostEntry("test", UUID.randomUUID().toString(), code, postings, metadata)));
    }

    static UUID system(SystemAccount role) throws Exception {
        return tx(() -> ledger.ledger.systemAccount(role, Currency.getInstance("EUR")).id());
    }

    /** The account's posted balance in minor units. */
    static long posted(UUID account) throws Exception {
        return tx(() -> ledger.ledger.balance(account).posted().minorUnits());
    }

    static void assertLedgerHolds() throws Exception {
        InvariantReport report = tx(() -> ledger.audit.verify());
        assertTrue(report.holds(), () -> "ledger invariants: " + report.violations());
    }

    /** The types of the payout's events on payments.events, in order, and their payloads. */
    static List<String> events(UUID payoutId) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT event_type, payload FROM ledger.outbox WHERE topic = 'payments.events' AND event_key = ? ORDER BY id")) {
            select.setString(1, payoutId.toString());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(row.getString(1) + " " + row.getString(2));
                }
            }
        }
        return events;
    }

    static long count(String sql, Object... parameters) throws Exception {
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** One booked line of a camt.053 statement. */
    record Line(String reference, long minor, boolean debit, String endToEndId) {
    }

    /** Puts a camt.053 statement of our account in the bank's inbox, as the bank delivers it. */
    static void deliverStatement(List<Line> lines) throws Exception {
        String id = "STMT-" + UUID.randomUUID();
        StringBuilder entries = new StringBuilder();
        for (Line line : lines) {
            entries.append("""
                    <Ntry>
                      <Amt Ccy="EUR">%s</Amt>
                      <CdtDbtInd>%s</CdtDbtInd>
                      <Sts><Cd>BOOK</Cd></Sts>
                      <BookgDt><Dt>2026-11-25</Dt></BookgDt>
                      <AcctSvcrRef>%s</AcctSvcrRef>
                      <NtryDtls><TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs>
                        <RmtInf><Ustrd>payout</Ustrd></RmtInf></TxDtls></NtryDtls>
                    </Ntry>
                    """.formatted(eur(line.minor()).toDecimalString(), line.debit() ? "DBIT" : "CRDT", line.reference(),
                    line.endToEndId()));
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                  <GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-11-25T18:00:00Z</CreDtTm></GrpHdr>
                  <Stmt><Id>%s</Id><CreDtTm>2026-11-25T18:00:00Z</CreDtTm>
                    <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                    %s
                  </Stmt>
                </BkToCstmrStmt></Document>
                """.formatted(id, id, entries);
        Path inbox = Files.createDirectories(bankDir.resolve("inbox"));
        Files.writeString(inbox.resolve(id + ".xml"), xml);
    }
}
