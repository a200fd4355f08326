package io.reactivepay.fraud.api;

/**
 * What a rule looks at. Amount rules need a currency and a threshold (minor units); velocity and
 * decline-count rules a velocity key, a window and a threshold (the most allowed: the rule fires above
 * it; a sum is in minor units of the rule's currency); country rules a set of countries.
 */
public enum RuleKind {
    AMOUNT_MIN, AMOUNT_MAX, VELOCITY_COUNT, VELOCITY_SUM, BIN_COUNTRY, IP_COUNTRY, COUNTRY_MISMATCH, NEW_CARD,
    NEW_CUSTOMER, DECLINE_COUNT
}
