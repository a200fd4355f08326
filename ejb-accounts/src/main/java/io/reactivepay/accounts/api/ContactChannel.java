package io.reactivepay.accounts.api;

/** How a customer is reached, and what a verification code proves. */
public enum ContactChannel { EMAIL, PHONE }
