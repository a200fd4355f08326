package io.reactivepay.rest.merchant;

import io.reactivepay.payments.api.PaymentJson;
import io.reactivepay.rest.json.MerchantRequests;
import io.reactivepay.rest.json.QueryParameters;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;

/** The merchant's webhook deliveries, and sending one again. */
@Path("webhooks/deliveries")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "apiKey")
public class WebhookDeliveriesResource {

    @Inject
    ApiCaller caller;

    @Inject
    Modules modules;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Webhook deliveries, newest first")
    @Parameter(name = "cursor", in = ParameterIn.QUERY)
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 100, default 20")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "200", description = "A page of deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "DeliveryList"), examples = @ExampleObject(name = "page", value = Examples.DELIVERIES)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response list() {
        QueryParameters query = new QueryParameters(uri, Set.of("cursor", "limit"));
        String cursor = query.cursor().orElse(null);
        int limit = query.limit(20);
        return Replies.json(PaymentJson.deliveries(modules.webhooks().deliveries(caller.merchantId(), cursor, limit)));
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a delivery's event again, now", description = "A new delivery of the same event (same event id, "
            + "so the merchant's deduplication still works). The Idempotency-Key header is required but replays are not "
            + "deduplicated.")
    @Parameter(ref = "IdempotencyKey")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "202", description = "The new delivery", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Delivery"), examples = @ExampleObject(name = "delivery", value = Examples.DELIVERY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response replay(@Parameter(description = "The delivery's id (UUID)") @PathParam("id") String id) {
        java.util.UUID deliveryId = Replies.id(id, "delivery");
        MerchantRequests.nothing(caller.body());
        caller.call();
        return Response.accepted(PaymentJson.delivery(modules.webhooks().replay(caller.merchantId(), deliveryId)))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
