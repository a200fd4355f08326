package io.reactivepay.fraud.api;

/** The party a velocity counter counts for. */
public enum VelocityKey { CARD, EMAIL, PHONE, IP, DEVICE, WALLET, MERCHANT, CUSTOMER }
