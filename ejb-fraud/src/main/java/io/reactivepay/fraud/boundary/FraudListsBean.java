package io.reactivepay.fraud.boundary;

import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.AuditLog;
import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.FraudLists;
import io.reactivepay.fraud.api.ListEntryRequest;
import io.reactivepay.fraud.api.ListMatch;
import io.reactivepay.fraud.api.PartyKind;
import io.reactivepay.fraud.control.ListStore;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** List changes, each audited without the listed value (it may be personal data). */
@Stateless
public class FraudListsBean implements FraudLists {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    ListStore store;

    @EJB
    AuditLog audit;

    @Override
    public long add(ListEntryRequest request, String actor) {
        if (request == null) {
            throw new FraudException(FraudException.INVALID_LIST_ENTRY, "A list entry is required");
        }
        long id = Jdbc.with(dataSource, "Adding a list entry", connection -> store.add(connection, request, actor));
        audit.record(new AuditEvent(actor, "fraud.list.added", "fraud_list_entry", Long.toString(id), "fraud",
                Map.of("list", request.type().name(), "kind", request.kind().name(), "reason", request.reason(),
                        "skippedRules", String.join(",", request.skippedRules()),
                        "overridesBlack", Boolean.toString(request.overridesBlack()))));
        return id;
    }

    @Override
    public void remove(long id, String actor) {
        boolean removed = Jdbc.with(dataSource, "Removing a list entry", connection -> store.remove(connection, id));
        if (!removed) {
            throw new FraudException(FraudException.LIST_ENTRY_NOT_FOUND, "No list entry " + id);
        }
        audit.record(new AuditEvent(actor, "fraud.list.removed", "fraud_list_entry", Long.toString(id), "fraud", Map.of()));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ListMatch> lookup(PartyKind kind, String value) {
        if (kind == null || value == null) {
            throw new FraudException(FraudException.INVALID_LIST_ENTRY, "Kind and value are required");
        }
        return Jdbc.with(dataSource, "Looking up the lists", connection -> store.lookup(connection, kind, value));
    }
}
