package io.reactivepay.accounts.api;

import io.reactivepay.platform.money.Money;
import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Limits per due-diligence level, checked against the turnover each customer has made. */
@Local
public interface Limits {

    /**
     * Checks a customer's operation against the single, daily and monthly limits of their level and,
     * if allowed, records it as turnover in the caller's transaction (so a rolled-back payment leaves
     * no turnover). Operations of one customer are checked one at a time.
     *
     * @throws LimitExceededException naming the level needed
     * @throws AccountsException      {@link AccountsException#PROFILE_NOT_FOUND}, {@link AccountsException#INVALID_AMOUNT},
     *                                {@link AccountsException#CURRENCY_NOT_SUPPORTED} (limits are set in one currency)
     */
    void authorise(UUID profileId, Money amount, OperationKind kind);

    /**
     * {@link #authorise} for many operations at once, in list order exactly as if one after the other
     * (a customer's later operation sees the turnover of the earlier ones allowed), with three
     * statements whatever the length: the customers locked in id order (so two batches sharing
     * customers queue instead of deadlocking), their turnover and the levels' limits read, the allowed
     * operations recorded.
     *
     * @return per operation, in order: empty if allowed (and recorded), or the refusal {@link #authorise}
     *         would have thrown (nothing recorded for it)
     */
    List<Optional<AccountsException>> authoriseAll(List<LimitedOperation> operations);

    /**
     * Checks that a wallet balance after a credit stays within the level's cap.
     *
     * @throws LimitExceededException naming the level needed
     */
    void checkBalance(UUID profileId, Money balanceAfter);

    LevelLimits limits(KycLevel level);
}
