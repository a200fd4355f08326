package io.reactivepay.rest.merchant;

import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.NewRefund;
import io.reactivepay.payments.api.PaymentJson;
import io.reactivepay.payments.api.PaymentQuery;
import io.reactivepay.payments.api.PaymentStatus;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.platform.money.Money;
import io.reactivepay.rest.json.MerchantRequests;
import io.reactivepay.rest.json.QueryParameters;
import io.reactivepay.rest.security.ApiCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A merchant's payments: take, read, list, capture, void, refund. */
@Path("payments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
@SecurityRequirement(name = "apiKey")
public class PaymentsResource {

    private static final Set<String> LIST_PARAMETERS = Set.of("status", "from", "to", "minAmount", "maxAmount", "currency",
            "reference", "cursor", "limit");
    private static final Set<String> STATUSES = Arrays.stream(PaymentStatus.values())
            .map(status -> status.name().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    @Inject
    ApiCaller caller;

    @Inject
    Modules modules;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a payment", description = "method 'wallet' debits the customer's wallet at once; "
            + "'card' with card.token authorises a vault card server to server; 'card' without 'card' creates a hosted "
            + "checkout payment (status created, with checkoutUrl and clientToken). Fraud screening may decline or "
            + "hold it: that is a payment with that status, not an error.")
    @Parameter(ref = "IdempotencyKey")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "201", description = "The payment (a repeat with the same key: the same bytes)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Payment"),
                    examples = @ExampleObject(name = "captured", value = Examples.PAYMENT)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewPayment"),
            examples = {@ExampleObject(name = "wallet", value = Examples.WALLET_PAYMENT),
                    @ExampleObject(name = "card", value = Examples.CARD_PAYMENT),
                    @ExampleObject(name = "checkout", value = Examples.CHECKOUT_PAYMENT)})) byte[] body) {
        NewPayment payment = MerchantRequests.payment(body);
        MerchantCall call = caller.call();
        return Replies.receipt(modules.payments().create(call, payment));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One payment")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "200", description = "The payment", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Payment"), examples = @ExampleObject(name = "captured", value = Examples.PAYMENT)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response find(@Parameter(description = "The payment's id (UUID)") @PathParam("id") String id) {
        UUID paymentId = Replies.id(id, "payment");
        return Replies.json(PaymentJson.payment(modules.payments().find(caller.merchantId(), paymentId)
                .orElseThrow(() -> new PaymentsException(PaymentsException.PAYMENT_NOT_FOUND, "There is no payment " + paymentId))));
    }

    @GET
    @Operation(summary = "List payments, newest first", description = "Every given filter must match. minAmount and maxAmount "
            + "are major units in the scale of 'currency' (default: the merchant's settlement currency). Pages: pass the "
            + "previous page's nextCursor as cursor.")
    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(ref = "PaymentStatus"))
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "Created at or after: 2026-11-25 or 2026-11-25T17:00:00Z")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Created before (exclusive), same forms as 'from'")
    @Parameter(name = "minAmount", in = ParameterIn.QUERY, example = "10.00")
    @Parameter(name = "maxAmount", in = ParameterIn.QUERY, example = "99.99")
    @Parameter(name = "currency", in = ParameterIn.QUERY, example = "EUR", description = "The scale of minAmount and maxAmount")
    @Parameter(name = "reference", in = ParameterIn.QUERY)
    @Parameter(name = "cursor", in = ParameterIn.QUERY)
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 100, default 20")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "200", description = "A page of payments", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "PaymentList"), examples = @ExampleObject(name = "page", value = Examples.PAYMENT_LIST)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response list() {
        QueryParameters query = new QueryParameters(uri, LIST_PARAMETERS);
        Optional<PaymentStatus> status = query.text("status", 30).map(value -> {
            if (!STATUSES.contains(value)) {
                throw QueryParameters.invalid("status", "is one of " + String.join(", ", STATUSES.stream().sorted().toList()));
            }
            return PaymentStatus.valueOf(value.toUpperCase(Locale.ROOT));
        });
        Currency scale = query.currency("currency").orElse(caller.merchant().settlementCurrency());
        Optional<Long> min = query.amount("minAmount", scale);
        Optional<Long> max = query.amount("maxAmount", scale);
        PaymentQuery filter = new PaymentQuery(status, query.instant("from"), query.instant("to"), min, max,
                query.text("reference", 100), query.cursor(), query.limit(20));
        return Replies.json(PaymentJson.payments(modules.payments().list(caller.merchantId(), filter)));
    }

    @POST
    @Path("{id}/capture")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture an authorised payment", description = "No body: all of it; {amount, currency}: that part, "
            + "the rest is released.")
    @Parameter(ref = "IdempotencyKey")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "200", description = "The payment, captured", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Payment"), examples = @ExampleObject(name = "captured", value = Examples.PAYMENT)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response capture(@Parameter(description = "The payment's id (UUID)") @PathParam("id") String id, @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Amount"),
            examples = @ExampleObject(name = "part", value = Examples.AMOUNT))) byte[] body) {
        UUID paymentId = Replies.id(id, "payment");
        Optional<Money> amount = MerchantRequests.optionalAmount(body);
        MerchantCall call = caller.call();
        return Replies.receipt(modules.payments().capture(call, paymentId, amount));
    }

    @POST
    @Path("{id}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release an authorised payment without taking money")
    @Parameter(ref = "IdempotencyKey")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "200", description = "The payment, voided", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Payment")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response voidPayment(@Parameter(description = "The payment's id (UUID)") @PathParam("id") String id) {
        UUID paymentId = Replies.id(id, "payment");
        MerchantRequests.nothing(caller.body());
        MerchantCall call = caller.call();
        return Replies.receipt(modules.payments().voidPayment(call, paymentId));
    }

    @POST
    @Path("{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund a captured payment", description = "Without an amount: all that is left. Several partial "
            + "refunds up to the captured amount.")
    @Parameter(ref = "IdempotencyKey")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "201", description = "The refund", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Refund"), examples = @ExampleObject(name = "refund", value = Examples.REFUND)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response refund(@Parameter(description = "The payment's id (UUID)") @PathParam("id") String id, @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewRefund"),
            examples = @ExampleObject(name = "part", value = Examples.REFUND_REQUEST))) byte[] body) {
        UUID paymentId = Replies.id(id, "payment");
        NewRefund refund = MerchantRequests.refund(body);
        MerchantCall call = caller.call();
        return Replies.receipt(modules.payments().refund(call, paymentId, refund));
    }

    @GET
    @Path("{id}/refunds")
    @Operation(summary = "The refunds of a payment")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "200", description = "The refunds, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "RefundList"), examples = @ExampleObject(name = "refunds", value = Examples.REFUND_LIST)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response refunds(@Parameter(description = "The payment's id (UUID)") @PathParam("id") String id) {
        UUID paymentId = Replies.id(id, "payment");
        return Replies.json(PaymentJson.refunds(modules.payments().refunds(caller.merchantId(), paymentId)));
    }
}
