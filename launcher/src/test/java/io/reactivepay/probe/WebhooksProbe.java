package io.reactivepay.probe;

import io.reactivepay.accounts.api.MerchantIntegration;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.payments.api.PaymentJson;
import io.reactivepay.payments.api.Webhooks;
import io.reactivepay.platform.event.EventEnvelope;
import io.reactivepay.platform.event.Topics;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Currency;
import java.util.UUID;

/** A merchant with a webhook, its events into the outbox, and its deliveries: for WebhooksIT. */
@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksProbe {

    @EJB
    Merchants merchants;

    @EJB
    MerchantIntegration integration;

    @EJB
    Outbox outbox;

    @EJB
    Webhooks webhooks;

    @POST
    @Path("merchants")
    public JsonObject merchant(@QueryParam("url") String url) {
        UUID merchant = merchants.register("Webhook shop " + UUID.randomUUID(), Currency.getInstance("EUR"), "probe").id();
        String secret = integration.configureWebhook(merchant, url, "probe");
        return Json.createObjectBuilder().add("merchantId", merchant.toString()).add("secret", secret).build();
    }

    /** An event as a payment's transition writes it, in the transaction of the change. */
    @POST
    @Path("events")
    @Transactional
    public JsonObject event(@QueryParam("merchantId") UUID merchantId, @QueryParam("type") String type) {
        String payload = Json.createObjectBuilder().add("merchantId", merchantId.toString())
                .add("data", Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("object", "payment"))
                .build().toString();
        EventEnvelope event = EventEnvelope.of(Topics.PAYMENTS_EVENTS, merchantId.toString(), type, payload);
        outbox.append(event);
        return Json.createObjectBuilder().add("eventId", event.id().toString()).build();
    }

    @GET
    @Path("deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    public String deliveries(@QueryParam("merchantId") UUID merchantId) {
        return PaymentJson.deliveries(webhooks.deliveries(merchantId, null, 100));
    }
}
