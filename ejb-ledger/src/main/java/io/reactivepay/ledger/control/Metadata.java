package io.reactivepay.ledger.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import io.reactivepay.platform.json.Jsons;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/** Entry and hold metadata: a flat map of strings, stored as a JSON object. */
final class Metadata {


    private Metadata() {
    }

    static JsonObject toJson(Map<String, String> metadata) {
        JsonObjectBuilder object = Jsons.PROVIDER.createObjectBuilder();
        metadata.forEach(object::add);
        return object.build();
    }

    static Map<String, String> fromJson(String json) {
        Map<String, String> metadata = new HashMap<>();
        Jsons.PROVIDER.createReader(new StringReader(json)).readObject()
                .forEach((key, value) -> metadata.put(key, ((JsonString) value).getString()));
        return Map.copyOf(metadata);
    }
}
