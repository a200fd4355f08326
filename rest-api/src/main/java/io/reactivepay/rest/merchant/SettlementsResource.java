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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;

/** The merchant's daily settlements. */
@Path("settlements")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Balance and settlements")
@SecurityRequirement(name = "apiKey")
public class SettlementsResource {

    @Inject
    ApiCaller caller;

    @Inject
    Modules modules;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Settlements, newest first", description = "From 'from' to 'to' inclusive; by default the last 30 days.")
    @Parameter(name = "from", in = ParameterIn.QUERY, example = "2026-11-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, example = "2026-11-25")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 100, default 30")
    @Parameter(ref = "Signature")
    @APIResponse(responseCode = "200", description = "The settlements", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SettlementList"), examples = @ExampleObject(name = "settlements", value = Examples.SETTLEMENTS)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response list() {
        QueryParameters query = new QueryParameters(uri, Set.of("from", "to", "limit"));
        LocalDate to = query.date("to").orElse(LocalDate.now(ZoneOffset.UTC));
        LocalDate from = query.date("from").orElse(to.minusDays(30));
        if (from.isAfter(to)) {
            throw QueryParameters.invalid("from", "is not after 'to'");
        }
        int limit = query.limit(30);
        return Replies.json(PaymentJson.settlements(modules.settlements().list(caller.merchantId(), from, to, limit)));
    }
}
