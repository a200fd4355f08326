package io.reactivepay.probe;

import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.CustomerTokens;
import io.reactivepay.accounts.api.IssuedToken;
import io.reactivepay.accounts.api.Profiles;
import io.reactivepay.accounts.api.WalletSignUp;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.ThreadLocalRandom;

/** A wallet customer and the token the wallet would hand it after its one-time code. */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenProbe {

    @EJB
    Profiles profiles;

    @EJB
    CustomerTokens tokens;

    @POST
    public JsonObject customerToken() {
        String phone = "+4479" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        CustomerProfile customer = profiles.signUp(new WalletSignUp(phone, null, null, null, null, null));
        IssuedToken token = tokens.issue(customer.id());
        return Json.createObjectBuilder().add("customerId", customer.id().toString()).add("token", token.token()).build();
    }
}
