package io.reactivepay.rest.health;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Readiness of this instance in MicroProfile Health's format, under the API's own path so a load
 * balancer in front of {@code /api} can probe it. The same checks also appear in Payara's
 * {@code /health/ready}.
 */
@Path("health")
public class HealthResource {

    @Inject
    @Readiness
    @Any
    Instance<HealthCheck> checks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Readiness of this instance: database and Kafka")
    @APIResponse(responseCode = "200", description = "Ready: every check is UP")
    @APIResponse(responseCode = "503", description = "Not ready: at least one check is DOWN")
    public Response readiness() {
        boolean up = true;
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse response = check.call();
            up &= response.getStatus() == HealthCheckResponse.Status.UP;
            var result = Json.createObjectBuilder()
                    .add("name", response.getName())
                    .add("status", response.getStatus().name());
            response.getData().ifPresent(data -> {
                var object = Json.createObjectBuilder();
                data.forEach((key, value) -> object.add(key, String.valueOf(value)));
                result.add("data", object);
            });
            results.add(result);
        }
        JsonObject body = Json.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", results)
                .build();
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
    }
}
