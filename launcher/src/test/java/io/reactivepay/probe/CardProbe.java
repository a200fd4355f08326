package io.reactivepay.probe;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnection;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.payments.api.Connectors;
import io.reactivepay.platform.money.Money;
import io.reactivepay.vault.api.CardAuthorisation;
import io.reactivepay.vault.api.CardVault;
import io.reactivepay.vault.api.StoredCard;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Tokenises a card in the vault and authorises it through the embedded card-acquirer adapter (vault EJB
 * → connector-api → RAR → simulator over HTTP); lists the connectors as administrators see them. Card
 * data comes in form bodies, as from the checkout, never in a URL.
 */
@Path("cards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CardProbe {

    @EJB
    CardVault vault;

    @EJB
    Connectors connectors;

    /** Status queries carry no card number: payments makes them directly, as here. */
    @Resource(lookup = CardVault.CARD_ACQUIRER)
    CardAcquiringConnectionFactory acquirer;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject tokenise(@FormParam("number") String number, @FormParam("expiry") String expiry) {
        StoredCard card = vault.tokenise(number, YearMonth.parse(expiry));
        return Json.createObjectBuilder().add("token", card.token().toString()).add("bin", card.bin())
                .add("lastFour", card.lastFour()).build();
    }

    @POST
    @Path("{token}/authorisations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject authorise(@PathParam("token") UUID token, @FormParam("cvc") String securityCode,
            @FormParam("requestId") String requestId) {
        return json(vault.authorise(new CardAuthorisation(token, securityCode, requestId, Money.of(2500, "EUR"),
                URI.create("http://shop.test/back"))));
    }

    @GET
    @Path("authorisations/{requestId}")
    public JsonObject status(@PathParam("requestId") String requestId) {
        try (CardAcquiringConnection connection = acquirer.getConnection()) {
            return json(connection.status(requestId));
        }
    }

    private static JsonObject json(Outcome outcome) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("outcome", outcome.getClass().getSimpleName());
        if (outcome instanceof Outcome.Approved approved) {
            json.add("reference", approved.reference());
        } else if (outcome instanceof Outcome.Declined declined) {
            json.add("reason", declined.reason());
        } else if (outcome instanceof Outcome.Pending pending) {
            json.add("reference", pending.reference()).add("redirect", pending.redirect().map(URI::toString).orElse(""));
        } else if (outcome instanceof Outcome.Unknown unknown) {
            json.add("detail", unknown.detail());
        }
        return json.build();
    }

    @GET
    @Path("connectors")
    public JsonObject connectors() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ConnectorInfo info : connectors.deployed()) {
            JsonObjectBuilder settings = Json.createObjectBuilder();
            info.settings().forEach(settings::add);
            list.add(Json.createObjectBuilder().add("name", info.name()).add("capability", info.capability())
                    .add("circuit", info.circuit().name()).add("settings", settings));
        }
        return Json.createObjectBuilder().add("connectors", list).build();
    }
}
