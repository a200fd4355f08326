package io.reactivepay.fraud.api;

/** The outcome of a screening: go ahead, hold for a risk manager, or refuse. Later constants win. */
public enum Verdict { ALLOW, REVIEW, DECLINE }
