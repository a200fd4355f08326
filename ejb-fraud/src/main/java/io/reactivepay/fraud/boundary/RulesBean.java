package io.reactivepay.fraud.boundary;

import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.AuditLog;
import io.reactivepay.fraud.api.Rule;
import io.reactivepay.fraud.api.RuleDefinition;
import io.reactivepay.fraud.api.Rules;
import io.reactivepay.fraud.api.Thresholds;
import io.reactivepay.fraud.control.RuleCache;
import io.reactivepay.fraud.control.RuleStore;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** Rule and threshold changes, each with its audit record in the same transaction. */
@Stateless
public class RulesBean implements Rules {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    RuleStore store;

    @Inject
    RuleCache cache;

    @EJB
    AuditLog audit;

    @Override
    public Rule save(RuleDefinition definition, String actor) {
        Rule rule = Jdbc.with(dataSource, "Saving a fraud rule", connection -> store.save(connection, definition, actor));
        audit.record(new AuditEvent(actor, "fraud.rule.saved", "fraud_rule",
                definition.key() + "@" + Objects.requireNonNullElse(definition.merchantId(), "*"), "fraud",
                Map.of("version", Integer.toString(rule.version()), "definition", definition.toString())));
        cache.invalidate();
        return rule;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Rule> current() {
        return Jdbc.with(dataSource, "Reading fraud rules", store::current);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Rule> history(String key, String merchantId) {
        return Jdbc.with(dataSource, "Reading a fraud rule's history", connection -> store.history(connection, key, merchantId));
    }

    @Override
    public void setThresholds(Thresholds thresholds, String actor) {
        Jdbc.with(dataSource, "Setting fraud thresholds", connection -> {
            store.setThresholds(connection, thresholds, actor);
            return null;
        });
        audit.record(new AuditEvent(actor, "fraud.thresholds.set", "fraud_thresholds",
                Objects.requireNonNullElse(thresholds.merchantId(), "*"), "fraud",
                Map.of("reviewAt", Integer.toString(thresholds.reviewAt()), "declineAt", Integer.toString(thresholds.declineAt()))));
        cache.invalidate();
    }
}
