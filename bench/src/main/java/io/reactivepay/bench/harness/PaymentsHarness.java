package io.reactivepay.bench.harness;

import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.CustomerTokens;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.MerchantIntegration;
import io.reactivepay.accounts.api.MerchantPublicKey;
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
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sets up what the payment benchmark's load generator needs, through the real apis: an active merchant
 * that requires signed requests, with an API key and the generator's public key, and wallet customers
 * with funded wallets and their tokens (a wallet payment carries the owner's token as consent).
 */
@Path("payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsHarness {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String ACTOR = "benchmark";

    @EJB
    Merchants merchants;

    @EJB
    MerchantIntegration integration;

    @EJB
    Profiles profiles;

    @EJB
    Wallets wallets;

    @EJB
    CustomerTokens tokens;

    @EJB
    Ledger ledger;

    @Resource
    ManagedExecutorService executor;

    /**
     * Registers the merchant with the public key in the body (PEM) and opens {@code customers} wallets
     * holding {@code funds} minor units each; answers with the API key and, per customer, the wallet and
     * its owner's token.
     */
    @POST
    @Path("seed")
    @Consumes(MediaType.TEXT_PLAIN)
    public JsonObject seed(@QueryParam("customers") int customers, @QueryParam("funds") long funds, String publicKeyPem)
            throws Exception {
        Merchant merchant = merchants.register("Benchmark merchant " + UUID.randomUUID(), EUR, ACTOR);
        merchants.changeStatus(merchant.id(), Merchant.Status.ACTIVE, ACTOR);
        NewApiKey key = merchants.createApiKey(merchant.id(), "benchmark", ACTOR);
        MerchantPublicKey signing = integration.addPublicKey(merchant.id(), publicKeyPem, ACTOR);
        integration.requireSignedRequests(merchant.id(), true, ACTOR);
        UUID world = ledger.systemAccount(SystemAccount.WORLD, EUR).id();
        int run = ThreadLocalRandom.current().nextInt(10_000);
        List<Future<JsonObject>> opened = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            String phone = String.format("+49%04d%06d", run, i);
            opened.add(executor.submit(() -> customer(phone, world, funds)));
        }
        JsonArrayBuilder wallets = Json.createArrayBuilder();
        for (Future<JsonObject> customer : opened) {
            wallets.add(customer.get());
        }
        return Json.createObjectBuilder()
                .add("merchantId", merchant.id().toString())
                .add("apiKey", key.secret())
                .add("keyId", signing.fingerprint())
                .add("wallets", wallets)
                .build();
    }

    private JsonObject customer(String phone, UUID world, long funds) {
        CustomerProfile profile = profiles.signUp(new WalletSignUp(phone, null, null, null, null, null));
        WalletView wallet = wallets.open(new OpenWallet(profile.id().toString(), EUR));
        ledger.transfer("benchmark", "fund-" + wallet.id(), world, wallet.ledgerAccountId(), new Money(funds, EUR),
                EntryCode.TOP_UP);
        return Json.createObjectBuilder()
                .add("walletId", wallet.id().toString())
                .add("customerToken", tokens.issue(profile.id()).token())
                .build();
    }
}
