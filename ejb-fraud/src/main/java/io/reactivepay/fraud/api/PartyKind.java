package io.reactivepay.fraud.api;

/** What a list entry identifies. */
public enum PartyKind { CARD, EMAIL, PHONE, IP, BIN, COUNTRY, WALLET }
