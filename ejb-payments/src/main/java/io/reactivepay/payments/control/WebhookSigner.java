package io.reactivepay.payments.control;

import io.reactivepay.payments.api.WebhookSignature;
import java.util.List;

/**
 * The {@code ReactivePay-Signature} header of a delivery: {@code t=<unix seconds>} and one {@code v1}
 * per secret, current first, so a merchant in the middle of a rotation verifies with either secret.
 * The format is defined once, in {@link WebhookSignature}, which merchants verify with.
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    public static String header(List<String> secrets, long unixSeconds, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("A webhook is signed with at least one secret");
        }
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(WebhookSignature.hmac(secret, unixSeconds, body));
        }
        return header.toString();
    }
}
