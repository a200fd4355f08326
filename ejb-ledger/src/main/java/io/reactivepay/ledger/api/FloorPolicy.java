package io.reactivepay.ledger.api;

/**
 * How low an account's available balance may go.
 *
 * @param kind           the policy
 * @param overdraftMinor for {@link Kind#OVERDRAFT}, how far below zero it may go (minor units)
 */
public record FloorPolicy(Kind kind, long overdraftMinor) {

    public enum Kind { NON_NEGATIVE, OVERDRAFT, UNBOUNDED }

    public static final FloorPolicy NON_NEGATIVE = new FloorPolicy(Kind.NON_NEGATIVE, 0);
    public static final FloorPolicy UNBOUNDED = new FloorPolicy(Kind.UNBOUNDED, 0);

    public FloorPolicy {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (overdraftMinor < 0 || (kind != Kind.OVERDRAFT && overdraftMinor != 0)) {
            throw new IllegalArgumentException("an overdraft is a positive amount, and only with the OVERDRAFT policy");
        }
    }

    public static FloorPolicy overdraft(long minorUnits) {
        return new FloorPolicy(Kind.OVERDRAFT, minorUnits);
    }

    /** Whether an available balance is allowed under this policy. */
    public boolean allows(long available) {
        return kind == Kind.UNBOUNDED || available >= -overdraftMinor;
    }
}
