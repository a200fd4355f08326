package io.reactivepay.probe;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.banking.BankTransferConnection;
import io.reactivepay.connector.api.banking.BankTransferConnectionFactory;
import io.reactivepay.connector.api.banking.Payout;
import io.reactivepay.payments.api.Connectors;
import io.reactivepay.platform.money.Money;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Pays out through the embedded bank-transfer adapter, which writes a pain.001 file. */
@Path("bank")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BankProbe {

    @Resource(lookup = Connectors.BANK_TRANSFERS)
    BankTransferConnectionFactory bank;

    @POST
    @Path("payouts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject payout(@FormParam("endToEndId") String endToEndId, @FormParam("iban") String iban) {
        Outcome outcome;
        try (BankTransferConnection connection = bank.getConnection()) {
            outcome = connection.payout(new Payout(endToEndId, Money.of(12345, "EUR"), "Probe Merchant", iban, "probe"));
        }
        return Json.createObjectBuilder().add("outcome", outcome.getClass().getSimpleName())
                .add("reference", outcome instanceof Outcome.Pending pending ? pending.reference() : "").build();
    }
}
