package io.reactivepay.fraud.api;

import io.reactivepay.platform.money.Money;

/**
 * What screening sees of a payment, top-up or transfer. {@code reference} (the payment id) keys the
 * stored result. The party fields other than the merchant are optional (null when unknown); countries
 * are ISO 3166 alpha-2, the BIN is 6 to 8 digits.
 */
public record ScreeningRequest(String reference, TransactionKind kind, String merchantId, Money amount,
                               String cardToken, String cardFingerprint, String bin, String binCountry,
                               String email, String phone, String ip, String ipCountry, String deviceId,
                               String walletId, String customerId, boolean newCard, boolean newCustomer) {

    public ScreeningRequest {
        FraudException.require(reference != null && !reference.isBlank() && reference.length() <= 100,
                FraudException.INVALID_REQUEST, "A reference of 1 to 100 characters is required");
        FraudException.require(kind != null, FraudException.INVALID_REQUEST, "The kind is required");
        FraudException.require(merchantId != null && !merchantId.isBlank(), FraudException.INVALID_REQUEST,
                "The merchant is required");
        FraudException.require(amount != null && amount.isPositive(), FraudException.INVALID_REQUEST,
                "The amount must be positive");
        FraudException.require(bin == null || bin.matches("[0-9]{6,8}"), FraudException.INVALID_REQUEST,
                "A BIN has 6 to 8 digits");
        FraudException.require(binCountry == null || binCountry.matches("[A-Z]{2}"), FraudException.INVALID_REQUEST,
                "The BIN country is an ISO 3166 alpha-2 code");
        FraudException.require(ipCountry == null || ipCountry.matches("[A-Z]{2}"), FraudException.INVALID_REQUEST,
                "The IP country is an ISO 3166 alpha-2 code");
    }
}
