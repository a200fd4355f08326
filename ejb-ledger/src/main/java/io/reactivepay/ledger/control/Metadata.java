package io.reactivepay.ledger.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/** Entry and hold metadata: a flat map of strings, stored as a JSON object. */
final class Metadata {

    /**
     * Looked up once: {@code Json.createObjectBuilder()} and friends search the class path for a provider
     * on every call, which cost a fifth of the server's CPU in the ledger benchmark.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    private Metadata() {
    }

    static JsonObject toJson(Map<String, String> metadata) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        metadata.forEach(object::add);
        return object.build();
    }

    static Map<String, String> fromJson(String json) {
        Map<String, String> metadata = new HashMap<>();
        JSON.createReader(new StringReader(json)).readObject()
                .forEach((key, value) -> metadata.put(key, ((JsonString) value).getString()));
        return Map.copyOf(metadata);
    }
}
