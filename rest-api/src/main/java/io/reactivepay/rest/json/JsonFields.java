package io.reactivepay.rest.json;

import io.reactivepay.platform.json.Jsons;
import io.reactivepay.rest.problem.ApiException;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Strict reading of a JSON request object: the body must be one JSON object (no duplicate names, nothing
 * after it), every name must be one the operation knows, every value of the expected type; a JSON
 * {@code null} counts as absent. Each refusal names the field by its path ({@code wallet.id}).
 */
public final class JsonFields {

    private static final JsonReaderFactory READERS = Jsons.PROVIDER.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final JsonParserFactory PARSERS = Jsons.PROVIDER.createParserFactory(Map.of());
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Deeper than any request of this API; the parser recurses per level, so a deep body must not reach it. */
    private static final int MAX_DEPTH = 16;

    private final JsonObject object;
    private final String prefix;

    private JsonFields(JsonObject object, String prefix, Set<String> known) {
        this.object = object;
        this.prefix = prefix;
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                throw ApiException.invalid(ApiException.UNKNOWN_FIELD, prefix + name, "Unknown field '" + prefix + name + "'");
            }
        }
    }

    /** The body as an object with these names; an empty body is an empty object when {@code emptyAllowed}. */
    public static JsonFields parse(byte[] body, boolean emptyAllowed, Set<String> known) {
        if (body.length == 0 || isBlank(body)) {
            if (emptyAllowed) {
                return new JsonFields(JsonValue.EMPTY_JSON_OBJECT, "", known);
            }
            throw ApiException.invalid(ApiException.MALFORMED_JSON, null, "The request needs a JSON object body");
        }
        if (depth(body) > MAX_DEPTH) {
            throw ApiException.invalid(ApiException.MALFORMED_JSON, null, "The body nests deeper than " + MAX_DEPTH + " levels");
        }
        JsonValue value;
        // the reader refuses duplicate names but not text after the value, the parser the other way round
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body));
             JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
            value = reader.readValue();
            parser.next();
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                parser.skipObject();
            } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                parser.skipArray();
            }
            if (parser.hasNext()) {
                throw ApiException.invalid(ApiException.MALFORMED_JSON, null, "The body has more after its JSON value");
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw ApiException.invalid(ApiException.MALFORMED_JSON, null, "The body is not well-formed JSON"
                    + (e.getMessage() == null ? "" : ": " + shorten(e.getMessage())));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalid(ApiException.MALFORMED_JSON, null, "The body must be a JSON object");
        }
        return new JsonFields(value.asJsonObject(), "", known);
    }

    public Optional<String> string(String name, int maxLength) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.invalid(ApiException.INVALID_FIELD, path(name), "'" + path(name) + "' must be a string");
        }
        String text = ((JsonString) value).getString();
        if (text.length() > maxLength) {
            throw ApiException.invalid(ApiException.INVALID_FIELD, path(name),
                    "'" + path(name) + "' has at most " + maxLength + " characters");
        }
        return Optional.of(text);
    }

    public String requiredString(String name, int maxLength) {
        return string(name, maxLength).orElseThrow(() -> missing(name));
    }

    /** One of the given lower-case words. */
    public Optional<String> choice(String name, Set<String> allowed) {
        Optional<String> value = string(name, 40);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw ApiException.invalid(ApiException.INVALID_FIELD, path(name),
                    "'" + path(name) + "' is one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    public Optional<UUID> uuid(String name) {
        return string(name, 36).map(text -> {
            if (!UUID_FORM.matcher(text).matches()) {
                throw ApiException.invalid(ApiException.INVALID_FIELD, path(name), "'" + path(name) + "' must be a UUID");
            }
            return UUID.fromString(text);
        });
    }

    /** An absolute http or https URL. */
    public Optional<URI> url(String name) {
        return string(name, 2000).map(text -> {
            try {
                URI uri = new URI(text);
                if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // refused below, with the field named
            }
            throw ApiException.invalid(ApiException.INVALID_FIELD, path(name), "'" + path(name) + "' must be an absolute http(s) URL");
        });
    }

    public Optional<JsonFields> object(String name, Set<String> known) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalid(ApiException.INVALID_FIELD, path(name), "'" + path(name) + "' must be an object");
        }
        return Optional.of(new JsonFields(value.asJsonObject(), path(name) + ".", known));
    }

    public boolean has(String name) {
        JsonValue value = object.get(name);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    /** An object of string values, at most {@code maxEntries}, names and values limited in length. */
    public Optional<Map<String, String>> stringMap(String name, int maxEntries, int maxNameLength, int maxValueLength) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalid(ApiException.INVALID_FIELD, path(name), "'" + path(name) + "' must be an object");
        }
        JsonObject map = value.asJsonObject();
        if (map.size() > maxEntries) {
            throw ApiException.invalid(ApiException.INVALID_FIELD, path(name), "'" + path(name) + "' has at most " + maxEntries + " entries");
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((key, entry) -> {
            if (key.isEmpty() || key.length() > maxNameLength || entry.getValueType() != JsonValue.ValueType.STRING
                    || ((JsonString) entry).getString().length() > maxValueLength) {
                throw ApiException.invalid(ApiException.INVALID_FIELD, path(name), "'" + path(name) + "' maps names of 1 to "
                        + maxNameLength + " characters to strings of at most " + maxValueLength);
            }
            result.put(key, ((JsonString) entry).getString());
        });
        return Optional.of(result);
    }

    public ApiException missing(String name) {
        return ApiException.invalid(ApiException.MISSING_FIELD, path(name), "'" + path(name) + "' is required");
    }

    public String path(String name) {
        return prefix + name;
    }

    /** The deepest nesting of objects and arrays, strings skipped; bytes of UTF-8 sequences are never brackets. */
    static int depth(byte[] body) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String message) {
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
