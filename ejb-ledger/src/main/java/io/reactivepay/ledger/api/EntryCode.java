package io.reactivepay.ledger.api;

/** Why money moved. */
public enum EntryCode { PAYMENT, CAPTURE, REFUND, FEE, TRANSFER, TOP_UP, PAYOUT, CHARGEBACK, REVERSAL, ADJUSTMENT }
