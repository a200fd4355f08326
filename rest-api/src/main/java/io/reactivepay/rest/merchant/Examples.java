package io.reactivepay.rest.merchant;

/** Example documents of the OpenAPI description, in the shape {@code PaymentJson} renders. */
final class Examples {

    static final String WALLET_PAYMENT = "{\"amount\":\"12.34\",\"currency\":\"EUR\",\"reference\":\"order-1\","
            + "\"method\":\"wallet\",\"wallet\":{\"id\":\"0b3f6c55-6a8e-4a59-9d0e-54a2f3a9a001\","
            + "\"customerToken\":\"eyJhbGciOiJSUzI1NiJ9...\"},\"capture\":\"automatic\"}";
    static final String CARD_PAYMENT = "{\"amount\":\"25.00\",\"currency\":\"EUR\",\"reference\":\"order-2\","
            + "\"method\":\"card\",\"card\":{\"token\":\"6f1d3c1e-2b7a-4c55-8a9e-1f0c2d3e4b5a\",\"securityCode\":\"123\"},"
            + "\"capture\":\"manual\",\"returnUrl\":\"https://shop.example/back\",\"customer\":{\"email\":\"ann@example.com\","
            + "\"ip\":\"203.0.113.7\",\"country\":\"DE\"},\"metadata\":{\"cart\":\"42\"}}";
    static final String CHECKOUT_PAYMENT = "{\"amount\":\"9.90\",\"currency\":\"EUR\",\"reference\":\"order-3\","
            + "\"method\":\"card\",\"returnUrl\":\"https://shop.example/back\"}";
    static final String PAYMENT = "{\"id\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"object\":\"payment\","
            + "\"reference\":\"order-1\",\"status\":\"captured\",\"method\":\"wallet\",\"capture\":\"automatic\","
            + "\"amount\":\"12.34\",\"currency\":\"EUR\",\"captured\":\"12.34\",\"refunded\":\"0.00\","
            + "\"createdAt\":\"2026-11-25T17:00:00Z\",\"updatedAt\":\"2026-11-25T17:00:00Z\"}";
    static final String PAYMENT_LIST = "{\"object\":\"list\",\"data\":[" + PAYMENT + "],\"nextCursor\":\"eyJ0IjoxfQ\"}";
    static final String AMOUNT = "{\"amount\":\"5.00\",\"currency\":\"EUR\"}";
    static final String REFUND_REQUEST = "{\"amount\":\"5.00\",\"currency\":\"EUR\",\"reason\":\"damaged\"}";
    static final String REFUND = "{\"id\":\"1d2c3b4a-0000-4000-8000-000000000001\",\"object\":\"refund\","
            + "\"paymentId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"amount\":\"5.00\",\"currency\":\"EUR\","
            + "\"status\":\"succeeded\",\"reason\":\"damaged\",\"createdAt\":\"2026-11-25T17:05:00Z\","
            + "\"updatedAt\":\"2026-11-25T17:05:00Z\"}";
    static final String REFUND_LIST = "{\"object\":\"list\",\"data\":[" + REFUND + "]}";
    static final String PAYOUT_REQUEST = "{\"amount\":\"100.00\",\"currency\":\"EUR\",\"reference\":\"week-47\"}";
    static final String PAYOUT = "{\"id\":\"5e0a1b2c-0000-4000-8000-000000000002\",\"object\":\"payout\","
            + "\"amount\":\"100.00\",\"currency\":\"EUR\",\"status\":\"pending\",\"reference\":\"week-47\","
            + "\"createdAt\":\"2026-11-25T17:10:00Z\",\"updatedAt\":\"2026-11-25T17:10:00Z\"}";
    static final String BALANCE = "{\"object\":\"balance\",\"balances\":[{\"currency\":\"EUR\",\"pending\":\"12.10\","
            + "\"available\":\"250.00\",\"reserved\":\"0.00\"}]}";
    static final String SETTLEMENTS = "{\"object\":\"list\",\"data\":[{\"id\":\"9a8b7c6d-0000-4000-8000-000000000003\","
            + "\"object\":\"settlement\",\"day\":\"2026-11-24\",\"currency\":\"EUR\",\"gross\":\"300.00\",\"fees\":\"8.70\","
            + "\"refunds\":\"5.00\",\"chargebacks\":\"0.00\",\"net\":\"286.30\",\"payments\":12,"
            + "\"createdAt\":\"2026-11-25T02:00:00Z\"}]}";
    static final String DELIVERIES = "{\"object\":\"list\",\"data\":[" + Examples.DELIVERY + "]}";
    static final String DELIVERY = "{\"id\":\"3c4d5e6f-0000-4000-8000-000000000004\",\"object\":\"webhook_delivery\","
            + "\"eventId\":\"0f1e2d3c-0000-4000-8000-000000000005\",\"eventType\":\"payment.captured\","
            + "\"url\":\"https://shop.example/hooks\",\"status\":\"delivered\",\"attempts\":1,\"lastHttpStatus\":200,"
            + "\"createdAt\":\"2026-11-25T17:00:01Z\",\"deliveredAt\":\"2026-11-25T17:00:01Z\"}";
    static final String PROBLEM = "{\"type\":\"https://reactivepay.io/problems/api.invalid_amount\",\"title\":\"Bad Request\","
            + "\"status\":400,\"detail\":\"'amount' has more than 2 decimals for EUR\",\"code\":\"api.invalid_amount\","
            + "\"field\":\"amount\"}";

    private Examples() {
    }
}
