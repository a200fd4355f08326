package io.reactivepay.fraud.boundary;

import io.reactivepay.accounts.api.AuditLog;
import io.reactivepay.accounts.boundary.AccountsAudit;
import io.reactivepay.embedded.TestClock;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.fraud.api.ScreeningRequest;
import io.reactivepay.fraud.api.TransactionKind;
import io.reactivepay.fraud.control.FraudConfig;
import io.reactivepay.fraud.control.KeyHasher;
import io.reactivepay.fraud.control.ListStore;
import io.reactivepay.fraud.control.RateCounter;
import io.reactivepay.fraud.control.RateLeases;
import io.reactivepay.fraud.control.RuleCache;
import io.reactivepay.fraud.control.RuleStore;
import io.reactivepay.fraud.control.Screener;
import io.reactivepay.fraud.control.ScreeningStore;
import io.reactivepay.fraud.control.VelocityCounters;
import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The fraud beans wired by hand on {@link TestDatabase} with the real accounts audit log and a clock
 * the tests move. The default rule set is installed by migration, so every test screens against it
 * too; tests use their own merchants, cards and parties, and override a default rule by its key.
 */
final class FraudDatabase {

    /** Half past ten: the hour before is still half inside a one-hour window. */
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-25T10:30:00Z"));
    static final byte[] HASH_KEY = "test-key-for-fraud-keyed-hashes-0123456789".getBytes();

    static final ScreeningBean SCREENING = new ScreeningBean();
    static final RulesBean RULES = new RulesBean();
    static final FraudListsBean LISTS = new FraudListsBean();
    static final ReviewsBean REVIEWS = new ReviewsBean();
    static AuditLog audit;

    private FraudDatabase() {
    }

    static synchronized void start() throws Exception {
        TestDatabase.start("accounts", "fraud");
        audit = AccountsAudit.on(TestDatabase.DATA_SOURCE);
        KeyHasher hasher = new KeyHasher(HASH_KEY);
        RuleStore ruleStore = new RuleStore();
        RuleCache cache = new RuleCache(ruleStore, CLOCK);
        ListStore lists = new ListStore(hasher);
        VelocityCounters velocity = new VelocityCounters();
        ScreeningStore screenings = new ScreeningStore();
        SCREENING.dataSource = TestDatabase.DATA_SOURCE;
        SCREENING.screener = new Screener(cache, lists, screenings, hasher, CLOCK);
        SCREENING.store = screenings;
        SCREENING.velocity = velocity;
        SCREENING.clock = CLOCK;
        RULES.dataSource = TestDatabase.DATA_SOURCE;
        RULES.store = ruleStore;
        RULES.cache = cache;
        RULES.audit = audit;
        LISTS.dataSource = TestDatabase.DATA_SOURCE;
        LISTS.store = lists;
        LISTS.audit = audit;
        REVIEWS.dataSource = TestDatabase.DATA_SOURCE;
        REVIEWS.store = screenings;
        REVIEWS.velocity = velocity;
        REVIEWS.audit = audit;
        REVIEWS.clock = CLOCK;
    }

    /** A rate limiter as one server instance has it: its own bean over the shared database. */
    static RateLimitsBean rateLimits(String limit) {
        RateLimitsBean limits = new RateLimitsBean();
        limits.dataSource = TestDatabase.DATA_SOURCE;
        limits.counter = new RateCounter();
        limits.hasher = new KeyHasher(HASH_KEY);
        limits.config = new FraudConfig(null, limit, limit, limit);
        limits.leases = new RateLeases();
        limits.clock = CLOCK;
        return limits;
    }

    static <T> T inTransaction(Callable<T> work) throws Exception {
        return TestDatabase.inTransaction(work);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A plain request of a fresh party on every field; tests change what they look at. */
    static Request request(String merchant) {
        return new Request(merchant);
    }

    /** A mutable builder, so each test names only the fields it is about. */
    static final class Request {
        private static final java.util.Random RANDOM = new java.util.Random();
        String reference = unique("pay");
        TransactionKind kind = TransactionKind.PAYMENT;
        String merchant;
        Money amount = Money.of(1_000, "EUR");
        String cardToken = unique("tok");
        String fingerprint = "fp" + UUID.randomUUID().toString().replace("-", "");
        String bin = "411111";
        String binCountry;
        String email = unique("buyer") + "@example.com";
        String phone;
        String ip = "100." + (64 + RANDOM.nextInt(64)) + "." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256);
        String ipCountry;
        String device = unique("dev");
        String wallet;
        String customer = unique("cus");
        boolean newCard;
        boolean newCustomer;

        Request(String merchant) {
            this.merchant = merchant;
        }

        ScreeningRequest build() {
            return new ScreeningRequest(reference, kind, merchant, amount, cardToken, fingerprint, bin, binCountry, email,
                    phone, ip, ipCountry, device, wallet, customer, newCard, newCustomer);
        }
    }
}
