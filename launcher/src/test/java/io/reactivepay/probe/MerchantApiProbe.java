package io.reactivepay.probe;

import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.MerchantIntegration;
import io.reactivepay.accounts.api.MerchantPublicKey;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.api.NewApiKey;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Merchants of the merchant-API tests, set up through the accounts api as the console would. */
@Path("merchant-api")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MerchantApiProbe {

    @EJB
    Merchants merchants;

    @EJB
    MerchantIntegration integration;

    /** An active merchant settling in EUR, with one API key. */
    @POST
    @Path("merchants")
    public JsonObject merchant(@QueryParam("requireSignature") boolean requireSignature) {
        Merchant merchant = merchants.register("API test shop " + UUID.randomUUID(), Currency.getInstance("EUR"), "probe");
        merchants.changeStatus(merchant.id(), Merchant.Status.ACTIVE, "probe");
        if (requireSignature) {
            integration.requireSignedRequests(merchant.id(), true, "probe");
        }
        NewApiKey key = merchants.createApiKey(merchant.id(), "tests", "probe");
        return Json.createObjectBuilder().add("merchantId", merchant.id().toString()).add("apiKey", key.secret())
                .add("apiKeyId", key.id().toString()).build();
    }

    @POST
    @Path("merchants/{id}/public-keys")
    @Consumes(MediaType.TEXT_PLAIN)
    public JsonObject publicKey(@PathParam("id") UUID merchantId, String pem) {
        MerchantPublicKey key = integration.addPublicKey(merchantId, pem, "probe");
        return Json.createObjectBuilder().add("keyId", key.id().toString()).add("fingerprint", key.fingerprint()).build();
    }

    @POST
    @Path("public-keys/{id}/revoke")
    public JsonObject revokePublicKey(@PathParam("id") UUID keyId) {
        integration.revokePublicKey(keyId, "probe");
        return Json.createObjectBuilder().add("revoked", keyId.toString()).build();
    }

    @POST
    @Path("api-keys/{id}/revoke")
    public JsonObject revokeApiKey(@PathParam("id") UUID keyId) {
        merchants.revokeApiKey(keyId, "probe");
        return Json.createObjectBuilder().add("revoked", keyId.toString()).build();
    }

    @POST
    @Path("merchants/{id}/networks")
    public JsonObject networks(@PathParam("id") UUID merchantId, @QueryParam("cidr") List<String> cidrs) {
        integration.allowNetworks(merchantId, cidrs, "probe");
        return Json.createObjectBuilder().add("networks", Json.createArrayBuilder(cidrs)).build();
    }
}
