package io.reactivepay.rest.security;

import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.SeenSignatures;
import io.reactivepay.fraud.api.RateScope;
import io.reactivepay.platform.crypto.RequestSignature;
import io.reactivepay.platform.crypto.RequestSignature.Verdict;
import io.reactivepay.rest.ApiConfig;
import io.reactivepay.rest.problem.ApiException;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Every merchant request passes here before JAX-RS even matches it to a resource, so an unknown
 * caller learns nothing, not even which paths exist. In order: the client address's rate limit; the
 * API key ({@code Authorization: Bearer}); the key's and the merchant's rate limits; the merchant's
 * allowed source networks; the body, read once and size-checked; the request signature (required if
 * the merchant says so), fresh and never seen before by any server; and for a POST the
 * {@code Idempotency-Key}. Only readiness ({@code /api/v1/health}) is open.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class MerchantGate implements ContainerRequestFilter {

    @Inject
    HttpServletRequest servletRequest;

    @Inject
    ApiCaller caller;

    @Inject
    Credentials credentials;

    @Inject
    RequestLimits limits;

    @Inject
    ApiConfig config;

    @EJB
    SeenSignatures seenSignatures;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getPath();
        if (path.equals("health") || path.equals("/health")) {
            return;
        }
        String address = servletRequest.getRemoteAddr();
        limits.check(RateScope.IP, address);
        String apiKey = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Merchant merchant = credentials.merchant(apiKey).orElseThrow(() -> ApiException.unauthenticated(
                ApiException.UNAUTHENTICATED, "The API key is unknown, revoked or its merchant is not active"));
        limits.check(RateScope.API_KEY, apiKey);
        limits.check(RateScope.MERCHANT, merchant.id().toString());
        if (!credentials.allowedSource(merchant.id(), address)) {
            throw new ApiException(403, ApiException.SOURCE_NOT_ALLOWED, null,
                    "Requests of this merchant are not accepted from this network");
        }
        byte[] body = body(request);
        String method = request.getMethod();
        String pathWithQuery = servletRequest.getRequestURI()
                + (servletRequest.getQueryString() == null ? "" : "?" + servletRequest.getQueryString());
        checkSignature(request.getHeaderString("Signature"), merchant, method, pathWithQuery, body);
        String idempotencyKey = null;
        String digest = null;
        if ("POST".equals(method)) {
            idempotencyKey = request.getHeaderString("Idempotency-Key");
            if (idempotencyKey == null) {
                throw ApiException.invalid(ApiException.IDEMPOTENCY_KEY_MISSING, "Idempotency-Key",
                        "Every POST needs an Idempotency-Key header");
            }
            digest = requestDigest(method, pathWithQuery, body);
        }
        caller.admit(merchant, body, idempotencyKey, digest);
    }

    /** What identifies a request under its idempotency key: hex SHA-256 of method, path with query and body. */
    static String requestDigest(String method, String pathWithQuery, byte[] body) {
        byte[] head = (method + "\n" + pathWithQuery + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return RequestSignature.sha256Hex(all);
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthenticated(ApiException.UNAUTHENTICATED, "Send the API key as 'Authorization: Bearer <key>'");
        }
        return authorization.substring(7).strip();
    }

    private byte[] body(ContainerRequestContext request) throws IOException {
        int max = config.maxBodyBytes();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !length.strip().matches("[0-9]{1,9}") || length != null && Long.parseLong(length.strip()) > max) {
            throw tooLarge(max);
        }
        if (!request.hasEntity()) {
            return new byte[0];
        }
        byte[] body;
        try (InputStream in = request.getEntityStream()) {
            body = in.readNBytes(max + 1);
        }
        if (body.length > max) {
            throw tooLarge(max);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, ApiException.BODY_TOO_LARGE, null, "A request body has at most " + max + " bytes");
    }

    private void checkSignature(String header, Merchant merchant, String method, String pathWithQuery, byte[] body) {
        if (header == null) {
            if (merchant.requiresSignature()) {
                throw ApiException.unauthenticated(ApiException.SIGNATURE_REQUIRED,
                        "This merchant's requests must carry a Signature header");
            }
            return;
        }
        Instant now = Instant.now();
        Verdict verdict = RequestSignature.verify(header, method, pathWithQuery, body,
                keyId -> credentials.publicKey(merchant.id(), keyId), now, config.signatureWindow(),
                config.signatureClockSkew());
        switch (verdict) {
            case VALID -> {
                RequestSignature.Header parsed = RequestSignature.parse(header).orElseThrow();
                Instant keepUntil = Instant.ofEpochSecond(parsed.created()).plus(config.signatureWindow()).plusSeconds(1);
                if (!seenSignatures.firstUse(merchant.id(), RequestSignature.sha256Hex(parsed.signature()), keepUntil)) {
                    throw ApiException.unauthenticated(ApiException.SIGNATURE_REPLAYED,
                            "This signature was used before; sign every request afresh");
                }
            }
            case MALFORMED -> throw ApiException.unauthenticated(ApiException.SIGNATURE_MALFORMED,
                    "The Signature header reads keyId=\"<hex>\",created=<unix seconds>,signature=\"<base64>\"");
            case UNKNOWN_KEY -> throw ApiException.unauthenticated(ApiException.SIGNATURE_UNKNOWN_KEY,
                    "keyId is not an active public key of this merchant");
            case EXPIRED, FROM_THE_FUTURE -> throw ApiException.unauthenticated(ApiException.SIGNATURE_EXPIRED,
                    "'created' must be within the last " + config.signatureWindow().toSeconds()
                            + " seconds and not ahead of the server's clock");
            case BAD_SIGNATURE -> throw ApiException.unauthenticated(ApiException.SIGNATURE_INVALID,
                    "The signature does not match the request");
        }
    }
}
