package io.reactivepay.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The merchant API at {@code /api/v1}; its OpenAPI description's shared parts (schemas, headers, refusals) are here. */
@ApplicationPath("v1")
@OpenAPIDefinition(
        info = @Info(title = "ReactivePay API", version = "1",
                description = "Payments for merchants. Authenticate with 'Authorization: Bearer <API key>'; sign requests "
                        + "with RSA-SHA256 (see the Signature header); every POST needs an Idempotency-Key. Amounts are "
                        + "strings in major units next to an ISO 4217 currency. Refusals are RFC 9457 problem documents "
                        + "with a stable 'code'."),
        servers = @Server(url = "/api"),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP,
                        scheme = "bearer", description = "The merchant's API key, rp_<prefix>_<secret>"),
                parameters = {
                        @Parameter(name = "IdempotencyKey", in = ParameterIn.HEADER, required = true,
                                description = "1 to 255 visible ASCII characters; a repeat gets the first answer's bytes, "
                                        + "the same key with another request 422",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 255), example = "order-1-attempt-1"),
                        @Parameter(name = "Signature", in = ParameterIn.HEADER, required = false,
                                description = "keyId=\"<hex SHA-256 of the public key's DER>\",created=<unix seconds>,"
                                        + "signature=\"<base64 RSA-SHA256 over METHOD\\npath?query\\ncreated\\nhex SHA-256 of body>\"; "
                                        + "required for merchants that require signatures",
                                schema = @Schema(type = SchemaType.STRING))},
                schemas = {
                        @Schema(name = "Amount", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "amount", type = SchemaType.STRING, pattern = "^(0|[1-9][0-9]{0,14})(\\.[0-9]+)?$",
                                        description = "Major units, no more decimals than the currency has", example = "12.34"),
                                @SchemaProperty(name = "currency", type = SchemaType.STRING, pattern = "^[A-Z]{3}$", example = "EUR")}),
                        @Schema(name = "Card", type = SchemaType.OBJECT, requiredProperties = "token", properties = {
                                @SchemaProperty(name = "token", type = SchemaType.STRING, format = "uuid"),
                                @SchemaProperty(name = "securityCode", type = SchemaType.STRING, pattern = "^[0-9]{3,4}$")}),
                        @Schema(name = "Wallet", type = SchemaType.OBJECT, requiredProperties = {"id", "customerToken"}, properties = {
                                @SchemaProperty(name = "id", type = SchemaType.STRING, format = "uuid"),
                                @SchemaProperty(name = "customerToken", type = SchemaType.STRING, description = "The wallet owner's token: consent")}),
                        @Schema(name = "Customer", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "email", type = SchemaType.STRING),
                                @SchemaProperty(name = "phone", type = SchemaType.STRING),
                                @SchemaProperty(name = "ip", type = SchemaType.STRING),
                                @SchemaProperty(name = "country", type = SchemaType.STRING, pattern = "^[A-Z]{2}$"),
                                @SchemaProperty(name = "deviceId", type = SchemaType.STRING)}),
                        @Schema(name = "NewPayment", type = SchemaType.OBJECT, additionalProperties = Schema.False.class,
                                requiredProperties = {"amount", "currency", "reference", "method"}, properties = {
                                @SchemaProperty(name = "amount", type = SchemaType.STRING, example = "12.34"),
                                @SchemaProperty(name = "currency", type = SchemaType.STRING, example = "EUR"),
                                @SchemaProperty(name = "reference", type = SchemaType.STRING, maxLength = 100),
                                @SchemaProperty(name = "description", type = SchemaType.STRING, maxLength = 500),
                                @SchemaProperty(name = "method", type = SchemaType.STRING, enumeration = {"card", "wallet"}),
                                @SchemaProperty(name = "card", ref = "Card", description = "A vault card; absent: hosted checkout"),
                                @SchemaProperty(name = "wallet", ref = "Wallet"),
                                @SchemaProperty(name = "capture", type = SchemaType.STRING, enumeration = {"automatic", "manual"}),
                                @SchemaProperty(name = "customer", ref = "Customer"),
                                @SchemaProperty(name = "returnUrl", type = SchemaType.STRING, format = "uri",
                                        description = "Required for card payments"),
                                @SchemaProperty(name = "metadata", type = SchemaType.OBJECT, description = "Up to 20 string values")}),
                        @Schema(name = "Payment", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "id", type = SchemaType.STRING, format = "uuid"),
                                @SchemaProperty(name = "object", type = SchemaType.STRING, example = "payment"),
                                @SchemaProperty(name = "reference", type = SchemaType.STRING),
                                @SchemaProperty(name = "description", type = SchemaType.STRING),
                                @SchemaProperty(name = "status", ref = "PaymentStatus"),
                                @SchemaProperty(name = "method", type = SchemaType.STRING, enumeration = {"card", "wallet"}),
                                @SchemaProperty(name = "capture", type = SchemaType.STRING, enumeration = {"automatic", "manual"}),
                                @SchemaProperty(name = "amount", type = SchemaType.STRING),
                                @SchemaProperty(name = "currency", type = SchemaType.STRING),
                                @SchemaProperty(name = "captured", type = SchemaType.STRING),
                                @SchemaProperty(name = "refunded", type = SchemaType.STRING),
                                @SchemaProperty(name = "fee", type = SchemaType.OBJECT),
                                @SchemaProperty(name = "risk", type = SchemaType.OBJECT),
                                @SchemaProperty(name = "card", type = SchemaType.STRING, description = "BIN and last four"),
                                @SchemaProperty(name = "walletId", type = SchemaType.STRING, format = "uuid"),
                                @SchemaProperty(name = "checkoutUrl", type = SchemaType.STRING, format = "uri"),
                                @SchemaProperty(name = "clientToken", type = SchemaType.STRING),
                                @SchemaProperty(name = "challengeUrl", type = SchemaType.STRING, format = "uri"),
                                @SchemaProperty(name = "declineReason", type = SchemaType.STRING),
                                @SchemaProperty(name = "authorisationExpiresAt", type = SchemaType.STRING, format = "date-time"),
                                @SchemaProperty(name = "metadata", type = SchemaType.OBJECT),
                                @SchemaProperty(name = "createdAt", type = SchemaType.STRING, format = "date-time"),
                                @SchemaProperty(name = "updatedAt", type = SchemaType.STRING, format = "date-time")}),
                        @Schema(name = "PaymentStatus", type = SchemaType.STRING, enumeration = {"created", "held", "authorising",
                                "action_required", "authorised", "captured", "partially_refunded", "refunded", "declined", "failed",
                                "voided", "expired", "chargeback", "charged_back"}),
                        @Schema(name = "PaymentList", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "object", type = SchemaType.STRING, example = "list"),
                                @SchemaProperty(name = "data", type = SchemaType.ARRAY, implementation = Object.class),
                                @SchemaProperty(name = "nextCursor", type = SchemaType.STRING)}),
                        @Schema(name = "NewRefund", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "amount", type = SchemaType.STRING),
                                @SchemaProperty(name = "currency", type = SchemaType.STRING),
                                @SchemaProperty(name = "reason", type = SchemaType.STRING, maxLength = 500)}),
                        @Schema(name = "Refund", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "id", type = SchemaType.STRING, format = "uuid"),
                                @SchemaProperty(name = "paymentId", type = SchemaType.STRING, format = "uuid"),
                                @SchemaProperty(name = "amount", type = SchemaType.STRING),
                                @SchemaProperty(name = "currency", type = SchemaType.STRING),
                                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = {"pending", "succeeded", "failed"})}),
                        @Schema(name = "RefundList", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "object", type = SchemaType.STRING, example = "list"),
                                @SchemaProperty(name = "data", type = SchemaType.ARRAY, implementation = Object.class)}),
                        @Schema(name = "NewPayout", type = SchemaType.OBJECT, requiredProperties = {"amount", "currency"}, properties = {
                                @SchemaProperty(name = "amount", type = SchemaType.STRING),
                                @SchemaProperty(name = "currency", type = SchemaType.STRING),
                                @SchemaProperty(name = "reference", type = SchemaType.STRING, maxLength = 100)}),
                        @Schema(name = "Payout", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "id", type = SchemaType.STRING, format = "uuid"),
                                @SchemaProperty(name = "amount", type = SchemaType.STRING),
                                @SchemaProperty(name = "currency", type = SchemaType.STRING),
                                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = {"pending", "paid", "failed"})}),
                        @Schema(name = "Balance", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "object", type = SchemaType.STRING, example = "balance"),
                                @SchemaProperty(name = "balances", type = SchemaType.ARRAY, implementation = Object.class)}),
                        @Schema(name = "SettlementList", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "object", type = SchemaType.STRING, example = "list"),
                                @SchemaProperty(name = "data", type = SchemaType.ARRAY, implementation = Object.class)}),
                        @Schema(name = "Delivery", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "id", type = SchemaType.STRING, format = "uuid"),
                                @SchemaProperty(name = "eventId", type = SchemaType.STRING, format = "uuid"),
                                @SchemaProperty(name = "eventType", type = SchemaType.STRING),
                                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = {"pending", "delivered", "failed"}),
                                @SchemaProperty(name = "attempts", type = SchemaType.INTEGER)}),
                        @Schema(name = "DeliveryList", type = SchemaType.OBJECT, properties = {
                                @SchemaProperty(name = "object", type = SchemaType.STRING, example = "list"),
                                @SchemaProperty(name = "data", type = SchemaType.ARRAY, implementation = Object.class),
                                @SchemaProperty(name = "nextCursor", type = SchemaType.STRING)}),
                        @Schema(name = "Problem", type = SchemaType.OBJECT, description = "RFC 9457", properties = {
                                @SchemaProperty(name = "type", type = SchemaType.STRING, format = "uri"),
                                @SchemaProperty(name = "title", type = SchemaType.STRING),
                                @SchemaProperty(name = "status", type = SchemaType.INTEGER),
                                @SchemaProperty(name = "detail", type = SchemaType.STRING),
                                @SchemaProperty(name = "code", type = SchemaType.STRING, description = "Stable; clients branch on it"),
                                @SchemaProperty(name = "field", type = SchemaType.STRING, description = "The field, parameter or header at fault"),
                                @SchemaProperty(name = "requiredLevel", type = SchemaType.STRING, description = "For accounts.limit_exceeded")})},
                responses = {
                        @APIResponse(name = "BadRequest", responseCode = "400", description = "Malformed or invalid request",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                                        examples = @ExampleObject(name = "amount", value = "{\"type\":\"https://reactivepay.io/problems/api.invalid_amount\","
                                                + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"'amount' has more than 2 decimals for EUR\","
                                                + "\"code\":\"api.invalid_amount\",\"field\":\"amount\"}"))),
                        @APIResponse(name = "Unauthorized", responseCode = "401",
                                description = "No valid API key, or a missing, malformed, expired, replayed or wrong signature",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Forbidden", responseCode = "403", description = "Source network not allowed, merchant not active",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No such object of this merchant",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Conflict", responseCode = "409", description = "Not in a state that allows this",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Unprocessable", responseCode = "422",
                                description = "Refused by a business rule (funds, limits, amount too large) or idempotency key reused",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "TooManyRequests", responseCode = "429", description = "A rate limit; see Retry-After",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))}))
public class RestApplication extends Application {
}
