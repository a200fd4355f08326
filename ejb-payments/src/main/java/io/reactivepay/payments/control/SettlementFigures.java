package io.reactivepay.payments.control;

import io.reactivepay.ledger.api.Entry;
import io.reactivepay.platform.money.Money;
import java.util.Currency;
import java.util.Map;

/**
 * What a settlement window holds, summed from the postings on the merchant's pending account and the
 * metadata of their entries as payments posts them: a capture credits the net with {@code paymentId},
 * {@code gross} and {@code fee}; a refund debits with {@code refundId}; a chargeback debits (and, when
 * won, credits back) with {@code chargebackId}. Anything else (an adjustment) counts as {@code other}.
 * The net is always the sum of the postings, so {@code gross - fees - refunds - chargebacks + other = net}.
 */
public final class SettlementFigures {

    private final Currency currency;
    private long gross;
    private long fees;
    private long refunds;
    private long chargebacks;
    private long other;
    private long net;
    private int payments;

    public SettlementFigures(Currency currency) {
        this.currency = currency;
    }

    /** Adds one posting of {@code amount} on the pending account, made by {@code entry}. */
    public void add(Money amount, Entry entry) {
        if (!amount.currency().equals(currency)) {
            throw new IllegalArgumentException("A " + amount.currency() + " posting in a " + currency + " settlement");
        }
        long minor = amount.minorUnits();
        net = Math.addExact(net, minor);
        Map<String, String> metadata = entry.metadata();
        if (metadata.containsKey("chargebackId")) {
            chargebacks = Math.subtractExact(chargebacks, minor);
        } else if (metadata.containsKey("refundId")) {
            refunds = Math.subtractExact(refunds, minor);
        } else if (metadata.containsKey("paymentId") && minor > 0) {
            long fee = minor(metadata, "fee", 0);
            long grossOfCapture = minor(metadata, "gross", Math.addExact(minor, fee));
            if (grossOfCapture - fee != minor) {
                // metadata that does not explain the posting: trust the posting, count the difference as other
                other = Math.addExact(other, minor - (grossOfCapture - fee));
            }
            gross = Math.addExact(gross, grossOfCapture);
            fees = Math.addExact(fees, fee);
            payments++;
        } else {
            other = Math.addExact(other, minor);
        }
    }

    private static long minor(Map<String, String> metadata, String key, long absent) {
        String value = metadata.get(key);
        if (value == null) {
            return absent;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Entry metadata " + key + "=" + value + " is not an amount in minor units", e);
        }
    }

    public Currency currency() {
        return currency;
    }

    public long gross() {
        return gross;
    }

    public long fees() {
        return fees;
    }

    public long refunds() {
        return refunds;
    }

    public long chargebacks() {
        return chargebacks;
    }

    public long other() {
        return other;
    }

    public long net() {
        return net;
    }

    public int payments() {
        return payments;
    }
}
