package io.reactivepay.payments.api;

/** How the customer pays. */
public enum PaymentMethod { CARD, WALLET }
