package io.reactivepay.fraud.api;

/** What is being screened. */
public enum TransactionKind { PAYMENT, TOP_UP, P2P }
