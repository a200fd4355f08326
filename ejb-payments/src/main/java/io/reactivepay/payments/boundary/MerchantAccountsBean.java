package io.reactivepay.payments.boundary;

import io.reactivepay.ledger.api.AccountKind;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.OpenAccount;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.control.MerchantLedgerAccounts;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * A merchant's pending and available ledger accounts per currency, opened on first use in a
 * transaction of their own (so a payment that rolls back does not take them along, and two first
 * payments in a currency do not both open them). They never change once opened, so they are cached,
 * but only once that transaction has committed: a payment of another thread that found an account in
 * the cache before its commit would post to an account its own transaction cannot see yet (the
 * benchmark's first payments met exactly that with the fee account).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MerchantAccountsBean {

    private record Key(UUID merchantId, Currency currency) {
    }

    private final Map<Key, MerchantLedgerAccounts> opened = new ConcurrentHashMap<>();

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @EJB
    Ledger ledger;

    private final Map<Key, UUID> systemAccounts = new ConcurrentHashMap<>();

    /** Null outside a container (module tests), where the calls below are plain calls. */
    @Resource
    SessionContext context;

    /** A system account's id; cached for the same reason, so a payment does not ask the ledger each time. */
    public UUID system(SystemAccount role, Currency currency) {
        Key key = new Key(new UUID(0, role.ordinal()), currency);
        UUID id = systemAccounts.get(key);
        if (id == null) {
            id = self().openSystem(role, currency); // committed when it returns
            systemAccounts.put(key, id);
        }
        return id;
    }

    public MerchantLedgerAccounts of(UUID merchantId, Currency currency) {
        Key key = new Key(merchantId, currency);
        MerchantLedgerAccounts accounts = opened.get(key);
        if (accounts == null) {
            accounts = self().findOrOpen(merchantId, currency); // committed when it returns
            opened.put(key, accounts);
        }
        return accounts;
    }

    private MerchantAccountsBean self() {
        return context == null ? this : context.getBusinessObject(MerchantAccountsBean.class);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public UUID openSystem(SystemAccount role, Currency currency) {
        return ledger.systemAccount(role, currency).id();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MerchantLedgerAccounts findOrOpen(UUID merchantId, Currency currency) {
        return Jdbc.with(dataSource, "Opening merchant accounts", connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "payments.merchant_account:" + merchantId + ":" + currency.getCurrencyCode());
                lock.execute();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT pending_account_id, available_account_id FROM payments.merchant_account "
                            + "WHERE merchant_id = ? AND currency = ?")) {
                select.setObject(1, merchantId);
                select.setString(2, currency.getCurrencyCode());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return new MerchantLedgerAccounts(merchantId, currency, row.getObject(1, UUID.class),
                                row.getObject(2, UUID.class));
                    }
                }
            }
            UUID pending = ledger.openAccount(new OpenAccount(MerchantLedgerAccounts.pendingOwner(merchantId), currency,
                    AccountKind.MERCHANT)).id();
            UUID available = ledger.openAccount(new OpenAccount(MerchantLedgerAccounts.availableOwner(merchantId),
                    currency, AccountKind.MERCHANT)).id();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO payments.merchant_account (merchant_id, currency, pending_account_id, "
                            + "available_account_id) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, merchantId);
                insert.setString(2, currency.getCurrencyCode());
                insert.setObject(3, pending);
                insert.setObject(4, available);
                insert.executeUpdate();
            }
            return new MerchantLedgerAccounts(merchantId, currency, pending, available);
        });
    }
}
