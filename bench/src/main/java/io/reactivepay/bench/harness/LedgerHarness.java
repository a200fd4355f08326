package io.reactivepay.bench.harness;

import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.InvariantReport;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.LedgerAudit;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.platform.money.Money;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Drives the {@link Ledger} api inside the server: caller threads from the managed thread factory call
 * {@code transfer}, without a transaction of their own (group commit) or each in its own.
 */
@Path("ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerHarness {

    private static final Map<String, List<UUID>> ACCOUNTS = new ConcurrentHashMap<>();
    private static final long OPENING = 100_000_000;
    private static final Currency EUR = Currency.getInstance("EUR");

    @EJB
    Ledger ledger;

    @EJB
    LedgerAudit audit;

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threadFactory;

    @Resource
    UserTransaction transaction;

    /**
     * Opens {@code accounts} customer accounts with an opening balance each, in one entry against WORLD
     * written with plain SQL (the api would take minutes for 100k accounts); the books stay balanced.
     */
    @POST
    @Path("seed")
    public JsonObject seed(@QueryParam("accounts") int accounts) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID world = ledger.systemAccount(SystemAccount.WORLD, EUR).id();
        UUID entry = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "INSERT INTO ledger.account (id, owner_ref, currency, kind, floor_policy, balance_minor) "
                    + "SELECT gen_random_uuid(), 'bench:" + run + ":' || g, 'EUR', 'CUSTOMER_WALLET', 'NON_NEGATIVE', "
                    + OPENING + " FROM generate_series(1, " + accounts + ") g");
            execute(connection, "INSERT INTO ledger.entry (id, code, metadata) VALUES ('" + entry
                    + "', 'ADJUSTMENT', '{\"bench\": \"opening balances\"}')");
            execute(connection, "INSERT INTO ledger.posting (entry_id, account_id, amount_minor, currency, created_at) "
                    + "SELECT '" + entry + "', id, " + OPENING + ", 'EUR', now() FROM ledger.account "
                    + "WHERE owner_ref LIKE 'bench:" + run + ":%'");
            execute(connection, "INSERT INTO ledger.posting (entry_id, account_id, amount_minor, currency, created_at) "
                    + "VALUES ('" + entry + "', '" + world + "', " + (-OPENING * accounts) + ", 'EUR', now())");
            execute(connection, "INSERT INTO ledger.balance_delta (account_id, amount_minor) VALUES ('" + world + "', "
                    + (-OPENING * accounts) + ")");
            List<UUID> ids = new ArrayList<>(accounts);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM ledger.account WHERE owner_ref LIKE ? ORDER BY owner_ref")) {
                select.setString(1, "bench:" + run + ":%");
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getObject(1, UUID.class));
                    }
                }
            }
            ACCOUNTS.put(run, ids);
        }
        return Json.createObjectBuilder().add("run", run).add("accounts", accounts).build();
    }

    /**
     * Runs {@code threads} callers for {@code seconds}. With {@code hot}, half of all transfers credit one
     * of ten hot accounts; {@code rate} (transfers per second, 0 = as fast as possible) paces the callers.
     * Without {@code ownTransaction} a caller has no transaction, so the ledger group-commits its entries;
     * with it, every call runs in a transaction the caller begins and commits, as payments' calls will.
     */
    @POST
    @Path("run")
    public JsonObject run(@QueryParam("run") String run, @QueryParam("threads") int threads,
                          @QueryParam("seconds") int seconds, @QueryParam("hot") boolean hot,
                          @QueryParam("rate") double rate, @QueryParam("ownTransaction") boolean ownTransaction)
            throws Exception {
        List<UUID> accounts = ACCOUNTS.get(run);
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        OffsetDateTime since = OffsetDateTime.now();
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        double intervalNanos = rate > 0 ? threads * 1_000_000_000.0 / rate : 0;
        List<CompletableFuture<Latencies>> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            CompletableFuture<Latencies> caller = new CompletableFuture<>();
            callers.add(caller);
            threadFactory.newThread(() -> {
                try {
                    caller.complete(call(accounts, hot, started, deadline, intervalNanos, ownTransaction, refused, failed));
                } catch (Throwable e) {
                    caller.completeExceptionally(e);
                }
            }).start();
        }
        Latencies all = new Latencies(started);
        for (CompletableFuture<Latencies> caller : callers) {
            all.addAll(caller.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return Json.createObjectBuilder()
                .add("transfers", all.count())
                .add("perSecond", all.count() / elapsed)
                .add("p50", all.percentileMillis(0.50))
                .add("p99", all.percentileMillis(0.99))
                .add("p999", all.percentileMillis(0.999))
                .add("refused", refused.get())
                .add("failed", failed.get())
                .add("entriesPerCommit", entriesPerCommit(since))
                .add("worstPerSecond", all.worstPerSecond(seconds))
                .build();
    }

    private Latencies call(List<UUID> accounts, boolean hot, long started, long deadline, double intervalNanos, boolean ownTransaction,
                           AtomicLong refused, AtomicLong failed) throws Exception {
        Latencies latencies = new Latencies(started);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Pacer pacer = new Pacer(intervalNanos);
        while (System.nanoTime() < deadline) {
            long begin = pacer.awaitNext();
            UUID from = accounts.get(random.nextInt(accounts.size()));
            UUID to = hot && random.nextBoolean() ? accounts.get(random.nextInt(10))
                    : accounts.get(random.nextInt(accounts.size()));
            if (from.equals(to)) {
                continue;
            }
            Money amount = Money.of(1 + random.nextInt(1_000), "EUR");
            try {
                if (ownTransaction) {
                    transaction.begin();
                    try {
                        ledger.transfer("bench", UUID.randomUUID().toString(), from, to, amount, EntryCode.TRANSFER);
                        transaction.commit();
                    } finally {
                        if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                            transaction.rollback();
                        }
                    }
                } else {
                    ledger.transfer("bench", UUID.randomUUID().toString(), from, to, amount, EntryCode.TRANSFER);
                }
                latencies.record(begin, System.nanoTime() - begin);
            } catch (LedgerException e) {
                refused.incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        }
        return latencies;
    }

    /** Entries per transaction since a moment: entries of one group commit share their creation time. */
    private double entriesPerCommit(OffsetDateTime since) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT count(*)::float8 / greatest(count(DISTINCT created_at), 1) FROM ledger.entry WHERE created_at >= ?")) {
            select.setObject(1, since);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getDouble(1);
            }
        }
    }

    @POST
    @Path("verify")
    public JsonObject verify() {
        InvariantReport report = audit.verify();
        return Json.createObjectBuilder().add("holds", report.holds()).add("entries", report.entries())
                .add("violations", Json.createArrayBuilder(report.violations())).build();
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
