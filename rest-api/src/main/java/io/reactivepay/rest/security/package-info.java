/**
 * Who may call the merchant API: {@link io.reactivepay.rest.security.MerchantGate} admits a request
 * before JAX-RS matches it (rate limits, API key, source network, body size, RSA-SHA256 signature
 * and its replay check, idempotency key) and hands the merchant to the resources in
 * {@link io.reactivepay.rest.security.ApiCaller}. What it asks the accounts module is remembered for a
 * few seconds only, so revocations take effect within that time on every server.
 */
package io.reactivepay.rest.security;
