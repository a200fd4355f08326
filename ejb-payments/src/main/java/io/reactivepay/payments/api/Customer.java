package io.reactivepay.payments.api;

/**
 * What the merchant knows of the customer, for fraud screening; every field may be null. The country
 * is ISO 3166 alpha-2.
 */
public record Customer(String email, String phone, String ip, String country, String deviceId) {

    public static final Customer UNKNOWN = new Customer(null, null, null, null, null);
}
