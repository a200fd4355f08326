package io.reactivepay.wallet.entity;

import io.reactivepay.wallet.api.WalletView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;

@Entity
@Table(schema = "wallet", name = "wallet")
public class Wallet {

    @Id
    private UUID id;

    @Column(name = "customer_ref", nullable = false, updatable = false)
    private String customerRef;

    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "ledger_account_id", nullable = false, updatable = false)
    private UUID ledgerAccountId;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private OffsetDateTime openedAt;

    protected Wallet() {
        // for JPA
    }

    public Wallet(String customerRef, Currency currency, UUID ledgerAccountId) {
        this.id = UUID.randomUUID();
        this.customerRef = customerRef;
        this.currency = currency.getCurrencyCode();
        this.ledgerAccountId = ledgerAccountId;
        this.openedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public WalletView view() {
        return new WalletView(id, customerRef, Currency.getInstance(currency), ledgerAccountId, openedAt.toInstant());
    }
}
