package io.reactivepay.rest.merchant;

import io.reactivepay.payments.api.PaymentJson;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/** The merchant's balances, one per currency. */
@Path("balance")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Balance and settlements")
@SecurityRequirement(name = "apiKey")
public class BalanceResource {

    @Inject
    ApiCaller caller;

    @Inject
    Modules modules;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Balances per currency", description = "pending: captured, not yet settled; available: may be paid "
            + "out; reserved: held against open chargebacks.")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "200", description = "The balances", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Balance"), examples = @ExampleObject(name = "balance", value = Examples.BALANCE)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response balance() {
        new QueryParameters(uri, Set.of());
        return Replies.json(PaymentJson.balances(modules.settlements().balances(caller.merchantId())));
    }
}
