package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.InvariantReport;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the ledger's invariants over all data. Each check is one statement, so it sees one consistent
 * snapshot even while postings and roll-ups run; at most 20 examples are reported per check.
 */
@Dependent
public class InvariantChecker {

    private static final String POSTED = """
            (SELECT a.id, a.currency, a.floor_policy, a.overdraft_minor, a.held_minor,
                    a.balance_minor + coalesce((SELECT sum(d.amount_minor) FROM ledger.balance_delta d
                                                WHERE d.account_id = a.id), 0) AS posted
             FROM ledger.account a)""";

    private static final List<Check> CHECKS = List.of(
            new Check("entry %s does not sum to zero in %s (sum %s)", """
                    SELECT entry_id, currency, sum(amount_minor) FROM ledger.posting
                    GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0 LIMIT 20"""),
            new Check("entry %s has fewer than two postings (%s)", """
                    SELECT e.id, count(p.id) FROM ledger.entry e LEFT JOIN ledger.posting p ON p.entry_id = e.id
                    GROUP BY e.id HAVING count(p.id) < 2 LIMIT 20"""),
            new Check("posting %s names entry %s, which does not exist", """
                    SELECT p.id, p.entry_id FROM ledger.posting p
                    WHERE NOT EXISTS (SELECT 1 FROM ledger.entry e WHERE e.id = p.entry_id) LIMIT 20"""),
            new Check("posting %s names account %s, which does not exist", """
                    SELECT p.id, p.account_id FROM ledger.posting p
                    WHERE NOT EXISTS (SELECT 1 FROM ledger.account a WHERE a.id = p.account_id) LIMIT 20"""),
            new Check("balance change %s names account %s, which does not exist", """
                    SELECT d.id, d.account_id FROM ledger.balance_delta d
                    WHERE NOT EXISTS (SELECT 1 FROM ledger.account a WHERE a.id = d.account_id) LIMIT 20"""),
            new Check("posting %s is in %s but its account holds %s", """
                    SELECT p.id, p.currency, a.currency FROM ledger.posting p JOIN ledger.account a ON a.id = p.account_id
                    WHERE p.currency <> a.currency LIMIT 20"""),
            new Check("account %s has balance %s but its postings sum to %s", "SELECT b.id, b.posted, coalesce(s.total, 0) FROM "
                    + POSTED + " b LEFT JOIN (SELECT account_id, sum(amount_minor) AS total FROM ledger.posting "
                    + "GROUP BY account_id) s ON s.account_id = b.id WHERE b.posted <> coalesce(s.total, 0) LIMIT 20"),
            new Check("account %s is below its floor: available %s, overdraft %s", "SELECT id, posted - held_minor, "
                    + "overdraft_minor FROM " + POSTED + " b WHERE floor_policy <> 'UNBOUNDED' "
                    + "AND posted - held_minor < -overdraft_minor LIMIT 20"),
            new Check("balances in %s sum to %s instead of zero", "SELECT currency, sum(posted) FROM " + POSTED
                    + " b GROUP BY currency HAVING sum(posted) <> 0 LIMIT 20"),
            new Check("account %s holds %s but its pending holds reserve %s", """
                    SELECT a.id, a.held_minor, coalesce(h.total, 0) FROM ledger.account a
                    LEFT JOIN (SELECT debit_account_id, sum(amount_minor) AS total FROM ledger.hold
                               WHERE status = 'PENDING' GROUP BY debit_account_id) h ON h.debit_account_id = a.id
                    WHERE a.held_minor <> coalesce(h.total, 0) LIMIT 20"""));

    private record Check(String message, String sql) {
    }

    public InvariantReport verify(Connection connection) throws SQLException {
        List<String> violations = new ArrayList<>();
        for (Check check : CHECKS) {
            try (PreparedStatement statement = connection.prepareStatement(check.sql());
                 ResultSet row = statement.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    Object[] values = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        values[i] = row.getObject(i + 1);
                    }
                    violations.add(String.format(check.message(), values));
                }
            }
        }
        return new InvariantReport(count(connection, "ledger.entry"), count(connection, "ledger.account"), violations);
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
