package io.reactivepay.connector.api.admin;

import java.util.Map;
import java.util.Objects;

/**
 * What an administrator may see of a deployed connector: its name, what it does, its settings with
 * every secret left out, and the state of its circuit breaker.
 */
public record ConnectorInfo(String name, String capability, Map<String, String> settings, CircuitState circuit) {

    public ConnectorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(circuit, "circuit");
        settings = Map.copyOf(settings);
    }
}
