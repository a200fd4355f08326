package io.reactivepay.accounts.api;

import java.util.Map;

/**
 * One back-office action: {@code actor} (a staff user, a merchant user, {@code system}) did
 * {@code action} to the object, from {@code source} (an IP address, a job name).
 */
public record AuditEvent(String actor, String action, String objectType, String objectId, String source,
                         Map<String, String> details) {

    public AuditEvent {
        for (String value : new String[] {actor, action, objectType, objectId, source}) {
            if (value == null || value.isBlank() || value.length() > 200) {
                throw new IllegalArgumentException("actor, action, object and source must have 1 to 200 characters");
            }
        }
        details = Map.copyOf(details == null ? Map.of() : details);
    }
}
