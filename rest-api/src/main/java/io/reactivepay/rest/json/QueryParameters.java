package io.reactivepay.rest.json;

import io.reactivepay.rest.problem.ApiException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Query parameters read as strictly as bodies: only known names, each at most once, each well-formed. */
public final class QueryParameters {

    private static final Pattern CURSOR = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final MultivaluedMap<String, String> parameters;

    public QueryParameters(UriInfo uri, Set<String> known) {
        this.parameters = uri.getQueryParameters(true);
        for (var entry : parameters.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw ApiException.invalid(ApiException.INVALID_PARAMETER, entry.getKey(),
                        "Unknown query parameter '" + entry.getKey() + "'");
            }
            if (entry.getValue().size() > 1) {
                throw ApiException.invalid(ApiException.INVALID_PARAMETER, entry.getKey(),
                        "Query parameter '" + entry.getKey() + "' is given more than once");
            }
        }
    }

    public Optional<String> text(String name, int maxLength) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String value = values.get(0);
        if (value.isEmpty() || value.length() > maxLength) {
            throw invalid(name, "has 1 to " + maxLength + " characters");
        }
        return Optional.of(value);
    }

    public int limit(int fallback) {
        return text("limit", 3).map(value -> {
            if (!value.matches("[1-9][0-9]{0,2}") || Integer.parseInt(value) > 100) {
                throw invalid("limit", "is a whole number from 1 to 100");
            }
            return Integer.parseInt(value);
        }).orElse(fallback);
    }

    public Optional<String> cursor() {
        return text("cursor", 200).map(value -> {
            if (!CURSOR.matcher(value).matches()) {
                throw invalid("cursor", "is the nextCursor of the previous page");
            }
            return value;
        });
    }

    /** An ISO date (midnight UTC) or an ISO instant. */
    public Optional<Instant> instant(String name) {
        return text(name, 40).map(value -> {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
            } catch (DateTimeException e) {
                throw invalid(name, "is a date such as 2026-11-25 or an instant such as 2026-11-25T17:00:00Z");
            }
        });
    }

    public Optional<LocalDate> date(String name) {
        return text(name, 10).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeException e) {
                throw invalid(name, "is a date such as 2026-11-25");
            }
        });
    }

    /** A currency code, for the scale of amount filters. */
    public Optional<Currency> currency(String name) {
        return text(name, 3).map(code -> {
            try {
                return Amounts.currency(code, name);
            } catch (ApiException e) {
                throw invalid(name, "is an ISO 4217 currency code such as EUR");
            }
        });
    }

    /** An amount of major units in the currency's scale, as minor units. */
    public Optional<Long> amount(String name, Currency scale) {
        return text(name, 40).map(value -> {
            try {
                return Amounts.parse(value, scale, name).minorUnits();
            } catch (ApiException e) {
                throw invalid(name, "is a decimal of major units with at most " + scale.getDefaultFractionDigits()
                        + " decimals, such as 12.34");
            }
        });
    }

    public static ApiException invalid(String name, String rule) {
        return ApiException.invalid(ApiException.INVALID_PARAMETER, name, "Query parameter '" + name + "' " + rule);
    }
}
