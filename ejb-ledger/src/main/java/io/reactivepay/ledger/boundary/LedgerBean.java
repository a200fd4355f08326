package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.api.AccountKind;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.LedgerAccount;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.OpenAccount;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The ledger's transaction boundary; plain JDBC because this is the system's hottest path. */
@Stateless
public class LedgerBean implements Ledger {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Override
    public LedgerAccount openAccount(OpenAccount request) {
        String sql = """
                INSERT INTO ledger.account (id, owner_ref, currency, kind) VALUES (?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT account_owner_kind_currency_uq DO NOTHING
                RETURNING created_at""";
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, id);
            insert.setString(2, request.ownerRef());
            insert.setString(3, request.currency().getCurrencyCode());
            insert.setString(4, request.kind().name());
            try (ResultSet created = insert.executeQuery()) {
                if (!created.next()) {
                    throw new LedgerException(LedgerException.ACCOUNT_EXISTS, "Owner " + request.ownerRef()
                            + " already has a " + request.kind() + " account in " + request.currency());
                }
                return new LedgerAccount(id, request.ownerRef(), request.currency(), request.kind(),
                        created.getObject(1, OffsetDateTime.class).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open ledger account", e);
        }
    }

    @Override
    public Optional<LedgerAccount> account(UUID id) {
        String sql = "SELECT owner_ref, currency, kind, created_at FROM ledger.account WHERE id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LedgerAccount(id, row.getString(1), Currency.getInstance(row.getString(2)),
                        AccountKind.valueOf(row.getString(3)), row.getObject(4, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read ledger account " + id, e);
        }
    }
}
