package io.reactivepay.accounts.api;

import java.util.Optional;

/**
 * An operation over the customer's limits ({@code accounts.limit_exceeded}). {@link #requiredLevel()}
 * is the lowest level that would allow it, empty if none does; the message names it too.
 */
public class LimitExceededException extends AccountsException {

    private final KycLevel currentLevel;
    private final KycLevel requiredLevel;

    public LimitExceededException(String limit, KycLevel currentLevel, KycLevel requiredLevel) {
        super(LIMIT_EXCEEDED, "The " + limit + " limit of level " + currentLevel + " is exceeded; "
                + (requiredLevel == null ? "no level allows this operation" : "level " + requiredLevel + " is needed"));
        this.currentLevel = currentLevel;
        this.requiredLevel = requiredLevel;
    }

    public KycLevel currentLevel() {
        return currentLevel;
    }

    public Optional<KycLevel> requiredLevel() {
        return Optional.ofNullable(requiredLevel);
    }
}
