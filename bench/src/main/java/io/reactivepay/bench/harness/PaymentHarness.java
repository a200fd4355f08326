package io.reactivepay.bench.harness;

import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.CustomerTokens;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.MerchantIntegration;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.api.NewApiKey;
import io.reactivepay.accounts.api.Profiles;
import io.reactivepay.accounts.api.WalletSignUp;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.platform.money.Money;
import io.reactivepay.wallet.api.OpenWallet;
import io.reactivepay.wallet.api.WalletView;
import io.reactivepay.wallet.api.Wallets;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Currency;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Set-up of the payment benchmark, through the modules' api as the console and the wallet would do it:
 * one active merchant that requires signed requests (its API key and the benchmark's public key), and
 * customers with funded EUR wallets and the tokens that are their consent to pay from them.
 */
@Path("payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentHarness {

    private static final Currency EUR = Currency.getInstance("EUR");

    @EJB
    Merchants merchants;

    @EJB
    MerchantIntegration integration;

    @EJB
    Profiles profiles;

    @EJB
    CustomerTokens tokens;

    @EJB
    Wallets wallets;

    @EJB
    Ledger ledger;

    @POST
    @Path("setup")
    @Consumes(MediaType.TEXT_PLAIN)
    public JsonObject setup(@QueryParam("customers") int customers, @QueryParam("cents") long cents, String publicKeyPem) {
        Merchant merchant = merchants.register("Benchmark shop " + UUID.randomUUID(), EUR, "bench");
        merchants.changeStatus(merchant.id(), Merchant.Status.ACTIVE, "bench");
        integration.requireSignedRequests(merchant.id(), true, "bench");
        integration.addPublicKey(merchant.id(), publicKeyPem, "bench");
        NewApiKey key = merchants.createApiKey(merchant.id(), "benchmark", "bench");
        UUID world = ledger.systemAccount(SystemAccount.WORLD, EUR).id();
        long phones = 10_000_000L + ThreadLocalRandom.current().nextLong(80_000_000L - customers);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (int i = 0; i < customers; i++) {
            CustomerProfile profile = profiles.signUp(new WalletSignUp("+4479" + (phones + i), null, null, null, null, null));
            WalletView wallet = wallets.open(new OpenWallet(profile.id().toString(), EUR));
            ledger.transfer("bench", "fund-" + wallet.id(), world, wallet.ledgerAccountId(), new Money(cents, EUR), EntryCode.TOP_UP);
            list.add(Json.createObjectBuilder().add("walletId", wallet.id().toString())
                    .add("token", tokens.issue(profile.id()).token()));
        }
        return Json.createObjectBuilder().add("merchantId", merchant.id().toString()).add("apiKey", key.secret())
                .add("customers", list).build();
    }
}
