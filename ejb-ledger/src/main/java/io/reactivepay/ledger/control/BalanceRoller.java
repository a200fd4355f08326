package io.reactivepay.ledger.control;

import io.reactivepay.platform.persistence.Jdbc;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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

    private static final String ROLL_UP = """
            WITH accounts AS (
                SELECT id FROM ledger.account
                WHERE id IN (SELECT DISTINCT account_id FROM ledger.balance_delta LIMIT ?)
                ORDER BY id FOR NO KEY UPDATE SKIP LOCKED
            ), moved AS (
                DELETE FROM ledger.balance_delta d USING accounts WHERE d.account_id = accounts.id
                RETURNING d.account_id, d.amount_minor
            )
            UPDATE ledger.account a SET balance_minor = a.balance_minor + m.total
            FROM (SELECT account_id, sum(amount_minor) AS total FROM moved GROUP BY account_id) m
            WHERE a.id = m.account_id""";

    /** @return how many accounts were rolled up */
    public int rollUp(Connection connection, int maxAccounts) throws SQLException {
        Jdbc.commitWithoutWaitingForDisk(connection);
        try (PreparedStatement rollUp = connection.prepareStatement(ROLL_UP)) {
            rollUp.setInt(1, maxAccounts);
            return rollUp.executeUpdate();
        }
    }
}
