package io.reactivepay.payments.boundary;

import io.reactivepay.ledger.api.AccountKind;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.OpenAccount;
import io.reactivepay.platform.persistence.Jdbc;
import io.reactivepay.wallet.api.OpenWallet;
import io.reactivepay.wallet.api.WalletView;
import io.reactivepay.wallet.api.Wallets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Wallets on the wallet module's real table and the real ledger. The wallet bean itself needs JPA,
 * which these container-less tests do not start; this does the same two writes it does, in SQL.
 */
final class TableWallets implements Wallets {

    private final DataSource dataSource;
    private final Ledger ledger;

    TableWallets(DataSource dataSource, Ledger ledger) {
        this.dataSource = dataSource;
        this.ledger = ledger;
    }

    @Override
    public WalletView open(OpenWallet request) {
        UUID account = ledger.openAccount(new OpenAccount("wallet:" + request.customerRef(), request.currency(),
                AccountKind.CUSTOMER_WALLET)).id();
        WalletView view = new WalletView(UUID.randomUUID(), request.customerRef(), request.currency(), account,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        Jdbc.with(dataSource, "Opening a wallet", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wallet.wallet (id, customer_ref, "
                    + "currency, ledger_account_id, opened_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setObject(1, view.id());
                insert.setString(2, view.customerRef());
                insert.setString(3, view.currency().getCurrencyCode());
                insert.setObject(4, account);
                insert.setTimestamp(5, Timestamp.from(view.openedAt()));
                return insert.executeUpdate();
            }
        });
        return view;
    }

    @Override
    public Optional<WalletView> find(UUID walletId) {
        return Jdbc.with(dataSource, "Reading a wallet", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT customer_ref, currency, "
                    + "ledger_account_id, opened_at FROM wallet.wallet WHERE id = ?")) {
                select.setObject(1, walletId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new WalletView(walletId, row.getString(1),
                            Currency.getInstance(row.getString(2)), row.getObject(3, UUID.class),
                            row.getObject(4, OffsetDateTime.class).toInstant())) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Map<UUID, WalletView> findAll(Collection<UUID> walletIds) {
        return Jdbc.with(dataSource, "Reading wallets", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, customer_ref, currency, "
                    + "ledger_account_id, opened_at FROM wallet.wallet WHERE id = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("uuid", walletIds.toArray()));
                Map<UUID, WalletView> found = new HashMap<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        UUID id = row.getObject(1, UUID.class);
                        found.put(id, new WalletView(id, row.getString(2), Currency.getInstance(row.getString(3)),
                                row.getObject(4, UUID.class), row.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
                return found;
            }
        });
    }
}
