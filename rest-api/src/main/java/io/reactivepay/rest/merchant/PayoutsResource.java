package io.reactivepay.rest.merchant;

import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayout;
import io.reactivepay.payments.api.PaymentJson;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.rest.json.MerchantRequests;
import io.reactivepay.rest.security.ApiCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Money out of the merchant's available balance to its bank account. */
@Path("payouts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payouts")
@SecurityRequirement(name = "apiKey")
public class PayoutsResource {

    @Inject
    ApiCaller caller;

    @Inject
    Modules modules;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay out part of the available balance", description = "The balance is debited at once; a payout "
            + "the bank refuses is credited back.")
    @Parameter(ref = "IdempotencyKey")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "201", description = "The payout", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Payout"), examples = @ExampleObject(name = "pending", value = Examples.PAYOUT)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewPayout"),
            examples = @ExampleObject(name = "payout", value = Examples.PAYOUT_REQUEST))) byte[] body) {
        NewPayout payout = MerchantRequests.payout(body);
        MerchantCall call = caller.call();
        return Replies.receipt(modules.payouts().create(call, payout));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One payout")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "200", description = "The payout", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Payout"), examples = @ExampleObject(name = "pending", value = Examples.PAYOUT)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response find(@Parameter(description = "The payout's id (UUID)") @PathParam("id") String id) {
        UUID payoutId = Replies.id(id, "payout");
        return Replies.json(PaymentJson.payout(modules.payouts().find(caller.merchantId(), payoutId)
                .orElseThrow(() -> new PaymentsException(PaymentsException.PAYOUT_NOT_FOUND, "There is no payout " + payoutId))));
    }
}
