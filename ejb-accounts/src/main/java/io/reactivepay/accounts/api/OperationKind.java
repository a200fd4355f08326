package io.reactivepay.accounts.api;

/** What a customer does with money; every kind counts towards the customer's turnover. */
public enum OperationKind { PAYMENT, TOP_UP, TRANSFER, WITHDRAWAL }
