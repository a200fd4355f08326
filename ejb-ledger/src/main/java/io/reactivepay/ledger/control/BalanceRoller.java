package io.reactivepay.ledger.control;

import io.reactivepay.platform.persistence.Jdbc;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Folds balance deltas into the accounts' balances. The accounts are locked in id order with SKIP LOCKED,
 * so the roll-up never waits for (or deadlocks with) a posting that holds an account, and several
 * instances can roll up at once. Deleting the deltas and adding them up happen in one statement on one
 * snapshot, so every delta is counted exactly once.
 * <p>
 * A writer whose floor-checked debit needs an account the roll-up holds waits for it (and the writer's
 * whole batch with it), so a roll-up holds its rows as briefly as it can: a small batch of accounts
 * ({@code reactivepay.ledger.roll-up-batch}) and a commit that does not wait for the disk
 * ({@link Jdbc#commitWithoutWaitingForDisk}). The latter is safe because a roll-up moves no money: it
 * changes how a balance is stored, in one transaction, and a roll-up lost in a crash leaves the deltas
 * where they were, to be rolled up again; the writer that waited for it commits synchronously after it
 * and so makes it durable too.
 */
@Dependent
public class BalanceRoller {

    /** Where a pass over the accounts with balance changes starts: below every account id. */
    public static final UUID FIRST = new UUID(0, 0);

    /**
     * What one roll-up did: how many accounts it folded, how many it looked at (those another
     * transaction held were skipped, for the next pass), and the last of them, after which the next
     * roll-up of the pass goes on.
     */
    public record RollUp(int accounts, int candidates, UUID last) {
    }

    /*
     * The candidates are read in account order on from where the last roll-up stopped: deltas are
     * deleted as they are rolled up, and until vacuum has removed them, a read from the first account
     * walks every deleted one again (a roll-up of 100 accounts took up to 150 ms that way under load,
     * and writers waited for the accounts it held meanwhile).
     */
    private static final String ROLL_UP = """
            WITH candidates AS (
                SELECT DISTINCT account_id FROM ledger.balance_delta WHERE account_id > ? ORDER BY account_id LIMIT ?
            ), accounts AS (
                SELECT id FROM ledger.account WHERE id IN (SELECT account_id FROM candidates)
                ORDER BY id FOR NO KEY UPDATE SKIP LOCKED
            ), moved AS (
                DELETE FROM ledger.balance_delta d USING accounts WHERE d.account_id = accounts.id
                RETURNING d.account_id, d.amount_minor
            ), rolled AS (
                UPDATE ledger.account a SET balance_minor = a.balance_minor + m.total
                FROM (SELECT account_id, sum(amount_minor) AS total FROM moved GROUP BY account_id) m
                WHERE a.id = m.account_id
                RETURNING a.id
            )
            SELECT (SELECT count(*) FROM rolled), (SELECT count(*) FROM candidates),
                   (SELECT account_id FROM candidates ORDER BY account_id DESC LIMIT 1)""";

    /**
     * Rolls up the next {@code maxAccounts} accounts with balance changes after {@code after} (in
     * PostgreSQL's order of uuids; {@link #FIRST} for the start of a pass). Fewer candidates than asked
     * for means the pass has reached the last account.
     */
    public RollUp rollUp(Connection connection, int maxAccounts, UUID after) throws SQLException {
        Jdbc.commitWithoutWaitingForDisk(connection);
        try (PreparedStatement rollUp = connection.prepareStatement(ROLL_UP)) {
            rollUp.setObject(1, after);
            rollUp.setInt(2, maxAccounts);
            try (ResultSet row = rollUp.executeQuery()) {
                row.next();
                UUID last = row.getObject(3, UUID.class);
                return new RollUp(row.getInt(1), row.getInt(2), last == null ? after : last);
            }
        }
    }
}
