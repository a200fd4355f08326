package io.reactivepay.console.admin;

import io.reactivepay.ledger.api.InvariantReport;
import io.reactivepay.ledger.api.LedgerAudit;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The ledger's invariant check on demand: entries balance, balances match postings, floors and totals hold. */
@Path("ledger/invariants")
@RequestScoped
public class LedgerInvariantsResource {

    @EJB
    LedgerAudit audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject check() {
        InvariantReport report = audit.verify();
        return Json.createObjectBuilder()
                .add("holds", report.holds())
                .add("entries", report.entries())
                .add("accounts", report.accounts())
                .add("violations", Json.createArrayBuilder(report.violations()))
                .build();
    }
}
