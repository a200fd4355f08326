package io.reactivepay.fraud.api;

import jakarta.ejb.Local;
import java.util.List;

/** The stored, versioned fraud rules; every change is audited and reaches all servers within a second or so. */
@Local
public interface Rules {

    /** Stores the definition as the next version of its key and scope; the previous version is kept. */
    Rule save(RuleDefinition definition, String actor);

    /** The current version of every rule, global and per merchant, enabled or not. */
    List<Rule> current();

    /** Every version of a rule key in a scope (merchantId null: global), oldest first. */
    List<Rule> history(String key, String merchantId);

    void setThresholds(Thresholds thresholds, String actor);
}
