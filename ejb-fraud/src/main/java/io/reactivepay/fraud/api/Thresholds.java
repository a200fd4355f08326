package io.reactivepay.fraud.api;

/** Total scores from which a screening goes to REVIEW and to DECLINE; merchantId null: every merchant. */
public record Thresholds(String merchantId, int reviewAt, int declineAt) {

    public Thresholds {
        FraudException.require(reviewAt > 0 && declineAt >= reviewAt, FraudException.INVALID_RULE,
                "Thresholds need 0 < reviewAt <= declineAt");
    }
}
