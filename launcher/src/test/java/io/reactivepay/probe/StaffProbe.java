package io.reactivepay.probe;

import io.reactivepay.accounts.api.StaffUser;
import io.reactivepay.accounts.api.StaffUsers;
import io.reactivepay.accounts.api.TotpEnrolment;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Console users for the sign-in tests, made through the accounts api as an administrator would. */
@Path("staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StaffProbe {

    public static final String PASSWORD = "correct horse battery staple";

    @EJB
    StaffUsers staff;

    /** A user of that role; with {@code secondFactor}, TOTP enrolled and confirmed (its secret is returned). */
    @POST
    public JsonObject create(@QueryParam("role") StaffUser.Role role, @QueryParam("secondFactor") boolean secondFactor)
            throws Exception {
        String username = "it-" + UUID.randomUUID().toString().substring(0, 8);
        StaffUser user = staff.create(username, PASSWORD.toCharArray(), role, null, "probe");
        JsonObjectBuilder json = Json.createObjectBuilder().add("username", username);
        if (secondFactor) {
            TotpEnrolment enrolment = staff.enrolTotp(user.id(), "127.0.0.1");
            staff.confirmTotp(user.id(), TotpCodes.code(enrolment.secret(), 0), "127.0.0.1");
            json.add("secret", enrolment.secret());
        }
        return json.build();
    }
}
