package io.reactivepay.walletapi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in wallet customer, as the verified token says: the first resource of the wallet API. */
@Path("me")
@RequestScoped
@RolesAllowed("customer")
public class CustomerResource {

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me() {
        return Json.createObjectBuilder()
                .add("customerId", token.getSubject())
                .add("expiresAt", Instant.ofEpochSecond(token.getExpirationTime()).toString())
                .build();
    }
}
