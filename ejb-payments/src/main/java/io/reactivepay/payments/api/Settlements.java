package io.reactivepay.payments.api;

import jakarta.ejb.Local;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Settlement: captured money becomes available after the configured delay, and a daily batch per
 * merchant and currency records what was settled and pays it out.
 */
@Local
public interface Settlements {

    /** The merchant's balances, one per currency it has taken payments in. */
    List<BalanceView> balances(UUID merchantId);

    /** The merchant's settlements from {@code from} to {@code to} (inclusive), newest first, at most {@code limit}. */
    List<SettlementView> list(UUID merchantId, LocalDate from, LocalDate to, int limit);
}
