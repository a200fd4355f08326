package io.reactivepay.probe;

import io.reactivepay.ledger.api.AccountKind;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.InvariantReport;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.LedgerAudit;
import io.reactivepay.ledger.api.OpenAccount;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.platform.money.Money;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Currency;
import java.util.UUID;

/** The ledger api over HTTP, each call its own JTA transaction: for the crash drills. */
@Path("ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerProbe {

    @EJB
    Ledger ledger;

    @EJB
    LedgerAudit audit;

    /** Opens a wallet account funded from WORLD. */
    @POST
    @Path("accounts")
    public JsonObject fundedAccount(@QueryParam("cents") long cents) {
        Currency eur = Currency.getInstance("EUR");
        UUID account = ledger.openAccount(new OpenAccount("probe:" + UUID.randomUUID(), eur, AccountKind.CUSTOMER_WALLET)).id();
        UUID world = ledger.systemAccount(SystemAccount.WORLD, eur).id();
        ledger.transfer("probe", "fund-" + account, world, account, Money.of(cents, "EUR"), EntryCode.TOP_UP);
        return Json.createObjectBuilder().add("accountId", account.toString()).build();
    }

    @POST
    @Path("transfers")
    public JsonObject transfer(@QueryParam("key") String key, @QueryParam("from") UUID from, @QueryParam("to") UUID to,
                               @QueryParam("cents") long cents) {
        return Json.createObjectBuilder()
                .add("entryId", ledger.transfer("crash", key, from, to, Money.of(cents, "EUR"), EntryCode.TRANSFER).id().toString())
                .build();
    }

    @GET
    @Path("invariants")
    public JsonObject invariants() {
        InvariantReport report = audit.verify();
        return Json.createObjectBuilder().add("holds", report.holds())
                .add("violations", Json.createArrayBuilder(report.violations())).build();
    }
}
