package io.reactivepay.probe;

import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.MerchantIntegration;
import io.reactivepay.accounts.api.MerchantPublicKey;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.api.NewApiKey;
import io.reactivepay.accounts.api.BankAccount;
import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.CustomerTokens;
import io.reactivepay.accounts.api.Profiles;
import io.reactivepay.accounts.api.WalletSignUp;
import io.reactivepay.wallet.api.OpenWallet;
import io.reactivepay.wallet.api.WalletView;
import io.reactivepay.wallet.api.Wallets;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.payments.api.Payments;
import io.reactivepay.platform.money.Money;
import jakarta.annotation.Resource;
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
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Merchants of the merchant-API tests, set up through the accounts api as the console would. */
@Path("merchant-api")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MerchantApiProbe {

    @EJB
    Merchants merchants;

    @EJB
    MerchantIntegration integration;

    @EJB
    Payments payments;

    @EJB
    Profiles profiles;

    @EJB
    CustomerTokens tokens;

    @EJB
    Wallets wallets;

    @EJB
    Ledger ledger;

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

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

    /**
     * Gives the merchant a bank account and {@code cents} of available EUR balance, as settlement would
     * have: its ledger accounts are opened by a first wallet payment of 1.00 (so pending holds that, less
     * its fee), then the available account is credited from acquirer clearing, as the payouts module's own
     * tests fund it.
     */
    @POST
    @Path("merchants/{id}/funds")
    public JsonObject funds(@PathParam("id") UUID merchantId, @QueryParam("cents") long cents) throws Exception {
        merchants.updateSettlement(merchantId, Currency.getInstance("EUR"),
                new BankAccount("API Test Shop", "DE89370400440532013000", "COBADEFFXXX"), "probe");
        JsonObject customer = customer(100);
        payments.create(new MerchantCall(merchantId, "probe-open-" + UUID.randomUUID(), "probe"),
                new NewPayment(Money.of(100, "EUR"), "probe-" + UUID.randomUUID(), null,
                        new Payer.Wallet(UUID.fromString(customer.getString("walletId")), customer.getString("token")),
                        CaptureMode.AUTOMATIC, null, null, Map.of()));
        UUID available;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT available_account_id FROM payments.merchant_account WHERE merchant_id = ? AND currency = 'EUR'")) {
            select.setObject(1, merchantId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                available = row.getObject(1, UUID.class);
            }
        }
        Money amount = Money.of(cents, "EUR");
        ledger.post(new PostEntry("probe", "funds-" + UUID.randomUUID(), EntryCode.ADJUSTMENT,
                List.of(Posting.debit(ledger.systemAccount(SystemAccount.ACQUIRER_CLEARING, amount.currency()).id(), amount),
                        Posting.credit(available, amount)), Map.of("test", "funding")));
        return Json.createObjectBuilder().add("availableAccountId", available.toString()).build();
    }

    /** A wallet customer with {@code cents} EUR in the wallet and the token that is their consent to pay from it. */
    @POST
    @Path("customers")
    public JsonObject customer(@QueryParam("cents") long cents) {
        String phone = "+4479" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        CustomerProfile profile = profiles.signUp(new WalletSignUp(phone, null, null, null, null, null));
        WalletView wallet = wallets.open(new OpenWallet(profile.id().toString(), Currency.getInstance("EUR")));
        if (cents > 0) {
            Money amount = Money.of(cents, "EUR");
            ledger.transfer("probe", "top-up-" + UUID.randomUUID(), ledger.systemAccount(SystemAccount.WORLD, amount.currency()).id(),
                    wallet.ledgerAccountId(), amount, EntryCode.TOP_UP);
        }
        return Json.createObjectBuilder().add("walletId", wallet.id().toString())
                .add("ledgerAccountId", wallet.ledgerAccountId().toString())
                .add("token", tokens.issue(profile.id()).token()).build();
    }

    /** The posted balance of a ledger account, in minor units. */
    @jakarta.ws.rs.GET
    @Path("ledger-accounts/{id}")
    public JsonObject balance(@PathParam("id") UUID accountId) {
        return Json.createObjectBuilder().add("posted", ledger.balance(accountId).posted().minorUnits()).build();
    }

    @POST
    @Path("merchants/{id}/networks")
    public JsonObject networks(@PathParam("id") UUID merchantId, @QueryParam("cidr") List<String> cidrs) {
        integration.allowNetworks(merchantId, cidrs, "probe");
        return Json.createObjectBuilder().add("networks", Json.createArrayBuilder(cidrs)).build();
    }
}
