package io.reactivepay.probe;

import io.reactivepay.wallet.api.CodeChallenge;
import io.reactivepay.wallet.api.OneTimeCodes;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Sends and checks one-time codes, which goes through the embedded text-message resource adapter. */
@Path("codes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CodeProbe {

    @EJB
    OneTimeCodes codes;

    @POST
    public JsonObject send(@QueryParam("phone") String phone) {
        CodeChallenge challenge = codes.send(phone);
        return Json.createObjectBuilder().add("challengeId", challenge.id().toString()).build();
    }

    @POST
    @Path("{id}/verify")
    public JsonObject verify(@PathParam("id") UUID challengeId, @QueryParam("code") String code) {
        return Json.createObjectBuilder().add("valid", codes.verify(challengeId, code)).build();
    }
}
