package io.reactivepay.fraud.api;

/** What a request rate limit counts for. */
public enum RateScope { IP, API_KEY, MERCHANT }
