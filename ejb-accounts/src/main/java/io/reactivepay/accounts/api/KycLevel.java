package io.reactivepay.accounts.api;

/**
 * Due-diligence levels, lowest first; each allows more than the one before (limits in the system
 * settings {@code kyc.<level>.*}).
 */
public enum KycLevel {
    /** Nothing verified: a pale profile from a payment, or a fresh wallet sign-up. */
    UNVERIFIED,
    /** Phone and e-mail verified. */
    BASIC,
    /** BASIC, and an identity document and a proof of address approved by a client service manager. */
    FULL
}
