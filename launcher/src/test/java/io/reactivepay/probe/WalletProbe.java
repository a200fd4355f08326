package io.reactivepay.probe;

import io.reactivepay.wallet.api.OpenWallet;
import io.reactivepay.wallet.api.WalletView;
import io.reactivepay.wallet.api.Wallets;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Currency;
import java.util.UUID;

/** Opens wallets (wallet module + ledger module) in a transaction the test decides to commit or roll back. */
@Path("wallets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WalletProbe {

    @EJB
    Wallets wallets;

    @Inject
    UserTransaction transaction;

    @POST
    public JsonObject open(@QueryParam("customer") String customer, @QueryParam("currency") String currency,
                           @QueryParam("then") String then) throws Exception {
        transaction.begin();
        WalletView wallet;
        try {
            wallet = wallets.open(new OpenWallet(customer, Currency.getInstance(currency)));
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        if ("rollback".equals(then)) {
            transaction.rollback();
        } else {
            transaction.commit();
        }
        return json(wallet);
    }

    @GET
    @Path("{id}")
    public JsonObject find(@PathParam("id") UUID id) {
        return wallets.find(id).map(WalletProbe::json).orElseThrow(NotFoundException::new);
    }

    private static JsonObject json(WalletView wallet) {
        return Json.createObjectBuilder()
                .add("id", wallet.id().toString())
                .add("customerRef", wallet.customerRef())
                .add("currency", wallet.currency().getCurrencyCode())
                .add("ledgerAccountId", wallet.ledgerAccountId().toString())
                .build();
    }
}
