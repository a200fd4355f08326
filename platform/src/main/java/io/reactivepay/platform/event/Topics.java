package io.reactivepay.platform.event;

/** The Kafka topics of ReactivePay; each carries the events of one module. */
public final class Topics {

    public static final String LEDGER_ENTRIES = "ledger.entries";
    public static final String PAYMENTS_EVENTS = "payments.events";
    public static final String WALLET_EVENTS = "wallet.events";
    public static final String ACCOUNTS_EVENTS = "accounts.events";

    private Topics() {
    }
}
