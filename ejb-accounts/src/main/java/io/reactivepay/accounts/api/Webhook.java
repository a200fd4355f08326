package io.reactivepay.accounts.api;

import java.util.List;

/** Where a merchant's events go and the secrets to sign them with, current first (two during a rotation). */
public record Webhook(String url, List<String> secrets) {

    @Override
    public String toString() {
        return "Webhook[url=" + url + ", secrets=" + secrets.size() + "]";
    }
}
