package io.reactivepay.wallet.boundary;

import io.reactivepay.ledger.api.AccountKind;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.LedgerAccount;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.OpenAccount;
import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.platform.event.EventEnvelope;
import io.reactivepay.platform.event.Topics;
import io.reactivepay.platform.json.Jsons;
import io.reactivepay.platform.persistence.Jdbc;
import io.reactivepay.wallet.api.OpenWallet;
import io.reactivepay.wallet.api.WalletException;
import io.reactivepay.wallet.api.WalletView;
import io.reactivepay.wallet.api.Wallets;
import io.reactivepay.wallet.entity.Wallet;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

@Stateless
public class WalletsBean implements Wallets {

    @PersistenceContext(unitName = "wallet")
    EntityManager em;

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @EJB
    Ledger ledger;

    @EJB
    Outbox outbox;

    @Override
    public WalletView open(OpenWallet request) {
        LedgerAccount account;
        try {
            account = ledger.openAccount(
                    new OpenAccount("wallet:" + request.customerRef(), request.currency(), AccountKind.CUSTOMER_WALLET));
        } catch (LedgerException e) {
            throw new WalletException(WalletException.WALLET_EXISTS,
                    "Customer already has a " + request.currency() + " wallet");
        }
        Wallet wallet = new Wallet(request.customerRef(), request.currency(), account.id());
        em.persist(wallet);
        WalletView view = wallet.view();
        outbox.append(EventEnvelope.of(Topics.WALLET_EVENTS, view.id().toString(), "WalletOpened",
                Jsons.PROVIDER.createObjectBuilder()
                        .add("walletId", view.id().toString())
                        .add("customerRef", view.customerRef())
                        .add("currency", view.currency().getCurrencyCode())
                        .add("ledgerAccountId", view.ledgerAccountId().toString())
                        .add("openedAt", view.openedAt().toString())
                        .build().toString()));
        return view;
    }

    @Override
    public Optional<WalletView> find(UUID walletId) {
        return Optional.ofNullable(em.find(Wallet.class, walletId)).map(Wallet::view);
    }

    @Override
    public Map<UUID, WalletView> findAll(Collection<UUID> walletIds) {
        if (walletIds.isEmpty()) {
            return Map.of();
        }
        // one statement for any number of ids (JPQL's IN gives a statement per list length, each parsed and planned anew)
        return Jdbc.with(dataSource, "Reading wallets", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, customer_ref, currency, "
                    + "ledger_account_id, opened_at FROM wallet.wallet WHERE id = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("uuid", walletIds.stream().distinct().toArray()));
                Map<UUID, WalletView> found = new HashMap<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        UUID id = row.getObject(1, UUID.class);
                        found.put(id, new WalletView(id, row.getString(2), Currency.getInstance(row.getString(3).trim()),
                                row.getObject(4, UUID.class), row.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
                return found;
            }
        });
    }
}
