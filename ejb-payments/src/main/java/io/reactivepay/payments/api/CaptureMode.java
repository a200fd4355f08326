package io.reactivepay.payments.api;

/** Whether an authorised payment is captured at once or when the merchant asks. */
public enum CaptureMode { AUTOMATIC, MANUAL }
