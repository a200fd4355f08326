package io.reactivepay.ledger.api;

/** A frozen account takes credits but no debits; a closed one takes nothing. */
public enum AccountStatus { OPEN, FROZEN, CLOSED }
