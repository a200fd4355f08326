package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.launcher.EmbeddedSystem;
import io.reactivepay.system.MerchantApi.Merchant;
import io.reactivepay.system.MerchantApi.Reply;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of malformed requests of an authenticated merchant (malformed JSON, wrong types, bad amounts,
 * currencies and decimals, unknown and missing fields, bad ids, bad query parameters, oversized bodies,
 * wrong methods and media types, bad headers): each is refused with a 4xx problem document carrying a
 * code, none is a 5xx, and the database has not changed by a single row.
 */
@ExtendWith(RunningSystem.class)
class MerchantApiBadInputIT {

    /** Tables that move on their own (relays, consumers, counters, leases), not because of a request. */
    private static final Pattern BACKGROUND = Pattern.compile(".*(outbox|deliver|attempt|lease|rate_counter|seen_signature|job|audit|settlement|statement).*");

    private record Case(String method, String path, String body, int status, String code, String[] headers) {
    }

    private final List<Case> cases = new ArrayList<>();

    @Test
    void malformedRequestsAreRefusedWithAProblemAndChangeNothing() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        String wallet = "{\"amount\":\"12.34\",\"currency\":\"EUR\",\"reference\":\"order-1\",\"method\":\"wallet\","
                + "\"wallet\":{\"id\":\"" + UUID.randomUUID() + "\",\"customerToken\":\"tok\"}}";
        malformedJson(wallet);
        wrongTypes();
        amountsAndCurrencies();
        missingUnknownAndInvalidFields();
        otherBodies();
        ids();
        queryParameters();
        methodsMediaTypesAndHeaders(wallet);
        assertTrue(cases.size() >= 200, "only " + cases.size() + " cases");

        EmbeddedSystem system = RunningSystem.get();
        Map<String, Long> before = snapshot(system);
        List<String> failures = new ArrayList<>();
        int fiveHundreds = 0;
        for (Case c : cases) {
            Reply reply = MerchantApi.as(merchant, c.method(), c.path(), c.body(), c.headers());
            String label = c.method() + " " + c.path() + " " + abbreviate(c.body()) + " -> " + reply.status() + " " + reply.body();
            if (reply.status() >= 500) {
                fiveHundreds++;
            }
            if (reply.status() != c.status()) {
                failures.add("expected " + c.status() + ": " + label);
                continue;
            }
            if (!String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json")) {
                failures.add("not a problem document: " + label);
                continue;
            }
            JsonObject problem = reply.json();
            if (problem.getInt("status") != c.status() || !problem.getString("code").equals(c.code())
                    || !problem.getString("type").endsWith(c.code()) || problem.getString("title").isBlank()) {
                failures.add("expected code " + c.code() + ": " + label);
            }
        }
        String host = MerchantApi.base().getHost() + ":" + MerchantApi.base().getPort();
        Reply tooLarge = MerchantApi.raw(java.net.InetAddress.getLoopbackAddress(), "POST /api/v1/payments HTTP/1.1\r\nHost: " + host
                + "\r\nAuthorization: Bearer " + merchant.apiKey() + "\r\nIdempotency-Key: big\r\nContent-Type: application/json\r\n"
                + "Content-Length: 70000\r\nConnection: close\r\n\r\n");
        MerchantApi.assertProblem(tooLarge, 413, "api.body_too_large");
        Map<String, Long> after = snapshot(system);
        assertEquals(0, fiveHundreds, "no 5xx; failures: " + String.join("\n", failures));
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases");
        assertEquals(before, after, "the database is unchanged");
    }

    private void malformedJson(String valid) {
        for (String body : new String[] {"{", "}", "[", "[]", "null", "1", "\"text\"", "true", "{\"amount\":}", "{'amount':'1'}",
                "{\"amount\":\"1\",}", "{} x", "{}{}", "{\"amount\":NaN}", "{\"amount\":\"12", "{\"a\":1 \"b\":2}",
                "[".repeat(2000) + "]".repeat(2000), "{\"amount\":\"1\",\"amount\":\"2\",\"currency\":\"EUR\"}", "\u0000",
                "<xml/>", "amount=1&currency=EUR", "{\"amount\":\"1\"", " { \"amount\" : \"1\" } ]"}) {
            add("POST", "/payments", body, 400, "api.malformed_json");
        }
        for (int cut = 1; cut < valid.length(); cut += 4) {
            add("POST", "/payments", valid.substring(0, cut), 400, "api.malformed_json");
        }
    }

    private void wrongTypes() {
        String[] fields = {"amount", "currency", "reference", "description", "method", "capture", "returnUrl"};
        String[] values = {"12", "true", "[]", "{}", "1.5"};
        for (String field : fields) {
            for (String value : values) {
                add("POST", "/payments", payment(field, value), 400, "api.invalid_field");
            }
        }
        for (String field : new String[] {"wallet", "customer", "metadata"}) {
            for (String value : new String[] {"\"x\"", "12", "true", "[]"}) {
                add("POST", "/payments", payment(field, value), 400, "api.invalid_field");
            }
        }
    }

    private void amountsAndCurrencies() {
        for (String amount : new String[] {"0", "0.00", "-1", "-0.01", "1e3", "1E2", "+1", " 1", "1 ", "1.", ".5", "1.234",
                "01", "1,00", "abc", "", "1000000000000000", "99999999999999999999", "0x10", "1.0000000000000000001", "NaN",
                "Infinity", "\u0661\u0662", "12.3.4", "1_000", "--1"}) {
            add("POST", "/payments", payment("amount", "\"" + amount + "\""), 400, "api.invalid_amount");
        }
        add("POST", "/payments", payment("amount", "\"1.5\"").replace("\"EUR\"", "\"JPY\""), 400, "api.invalid_amount");
        add("POST", "/payments", payment("amount", "\"1.2345\"").replace("\"EUR\"", "\"KWD\""), 400, "api.invalid_amount");
        for (String currency : new String[] {"eur", "EURO", "XXX", "XAU", "ZZZ", "", "E", "\u20ac", "123", " EU"}) {
            add("POST", "/payments", payment("currency", "\"" + currency + "\""), 400,
                    currency.length() > 3 ? "api.invalid_field" : "api.invalid_currency");
        }
    }

    private void missingUnknownAndInvalidFields() {
        for (String field : new String[] {"amount", "currency", "reference", "method", "wallet"}) {
            add("POST", "/payments", payment(field, null), 400, "api.missing_field");
        }
        add("POST", "/payments", payment("wallet", "{\"customerToken\":\"t\"}"), 400, "api.missing_field");
        add("POST", "/payments", payment("wallet", "{\"id\":\"" + UUID.randomUUID() + "\"}"), 400, "api.missing_field");
        add("POST", "/payments", card("{\"securityCode\":\"123\"}", true), 400, "api.missing_field");
        for (String unknown : new String[] {"\"foo\":1", "\"Amount\":\"1\"", "\"id\":\"x\"", "\"status\":\"captured\""}) {
            add("POST", "/payments", payment(null, null).replaceFirst("\\{", "{" + unknown + ","), 400, "api.unknown_field");
        }
        add("POST", "/payments", payment("wallet", "{\"id\":\"" + UUID.randomUUID() + "\",\"customerToken\":\"t\",\"x\":1}"), 400,
                "api.unknown_field");
        add("POST", "/payments", card("{\"token\":\"" + UUID.randomUUID() + "\",\"pan\":\"4242424242424242\"}", true), 400,
                "api.unknown_field");
        add("POST", "/payments", payment("customer", "{\"name\":\"Ann\"}"), 400, "api.unknown_field");
        add("POST", "/payments", payment("method", "\"paypal\""), 400, "api.invalid_field");
        add("POST", "/payments", payment("capture", "\"later\""), 400, "api.invalid_field");
        for (String id : new String[] {"not-a-uuid", "1-1-1-1-1", "", "00000000-0000-0000-0000-00000000000g"}) {
            add("POST", "/payments", payment("wallet", "{\"id\":\"" + id + "\",\"customerToken\":\"t\"}"), 400, "api.invalid_field");
            add("POST", "/payments", card("{\"token\":\"" + id + "\"}", true), 400, "api.invalid_field");
        }
        for (String code : new String[] {"12", "12345", "abc", "12a"}) {
            add("POST", "/payments", card("{\"token\":\"" + UUID.randomUUID() + "\",\"securityCode\":\"" + code + "\"}", true),
                    400, code.length() > 4 ? "api.invalid_field" : "payments.invalid_request");
        }
        for (String url : new String[] {"ftp://shop.example/x", "not a url", "/relative", "https://", "javascript:alert(1)"}) {
            add("POST", "/payments", card(null, false).replace("}", ",\"returnUrl\":\"" + url + "\"}"), 400, "api.invalid_field");
        }
        add("POST", "/payments", card(null, false), 400, "payments.invalid_request");
        add("POST", "/payments", payment("reference", "\"\""), 400, "payments.invalid_request");
        add("POST", "/payments", payment("reference", "\"" + "r".repeat(101) + "\""), 400, "api.invalid_field");
        add("POST", "/payments", payment("description", "\"" + "d".repeat(501) + "\""), 400, "api.invalid_field");
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        add("POST", "/payments", payment("metadata", many + "}"), 400, "api.invalid_field");
        add("POST", "/payments", payment("metadata", "{\"k\":1}"), 400, "api.invalid_field");
        add("POST", "/payments", payment("metadata", "{\"\":\"v\"}"), 400, "api.invalid_field");
        add("POST", "/payments", payment("customer", "{\"country\":\"DEU\"}"), 400, "api.invalid_field");
        add("POST", "/payments", payment(null, null).replace("}}", "},\"card\":{\"token\":\"" + UUID.randomUUID() + "\"}}"), 400,
                "api.invalid_field");
        add("POST", "/payments", card(null, true).replace("\"method\":\"card\"", "\"method\":\"card\",\"wallet\":{}"), 400,
                "api.invalid_field");
    }

    private void otherBodies() {
        String payment = "/payments/" + UUID.randomUUID();
        for (String path : new String[] {payment + "/capture", payment + "/refunds"}) {
            add("POST", path, "{\"amount\":\"1.00\"}", 400, "api.missing_field");
            add("POST", path, "{\"currency\":\"EUR\"}", 400, "api.missing_field");
            add("POST", path, "{\"amount\":\"0\",\"currency\":\"EUR\"}", 400, "api.invalid_amount");
            add("POST", path, "{\"amount\":\"1.001\",\"currency\":\"EUR\"}", 400, "api.invalid_amount");
            add("POST", path, "{\"amount\":1,\"currency\":\"EUR\"}", 400, "api.invalid_field");
            add("POST", path, "{\"amount\":\"1.00\",\"currency\":\"EURO\"}", 400, "api.invalid_field");
            add("POST", path, "{\"foo\":1}", 400, "api.unknown_field");
            add("POST", path, "[]", 400, "api.malformed_json");
            add("POST", path, "{", 400, "api.malformed_json");
        }
        add("POST", payment + "/capture", "{\"reason\":\"x\"}", 400, "api.unknown_field");
        add("POST", payment + "/refunds", "{\"reason\":\"" + "r".repeat(501) + "\"}", 400, "api.invalid_field");
        add("POST", payment + "/void", "{\"amount\":\"1.00\"}", 400, "api.unknown_field");
        add("POST", payment + "/void", "[1]", 400, "api.malformed_json");
        add("POST", "/payouts", null, 400, "api.malformed_json");
        add("POST", "/payouts", "{\"currency\":\"EUR\"}", 400, "api.missing_field");
        add("POST", "/payouts", "{\"amount\":\"10.00\"}", 400, "api.missing_field");
        add("POST", "/payouts", "{\"amount\":\"-10.00\",\"currency\":\"EUR\"}", 400, "api.invalid_amount");
        add("POST", "/payouts", "{\"amount\":\"10.00\",\"currency\":\"XXX\"}", 400, "api.invalid_currency");
        add("POST", "/payouts", "{\"amount\":\"10.00\",\"currency\":\"EUR\",\"iban\":\"DE00\"}", 400, "api.unknown_field");
        add("POST", "/payouts", "{\"amount\":\"10.00\",\"currency\":\"EUR\",\"reference\":\"" + "r".repeat(101) + "\"}", 400,
                "api.invalid_field");
        add("POST", "/payouts", "{\"amount\":\"10.00\",\"currency\":\"EUR\",\"reference\":\"  \"}", 400, "payments.invalid_request");
        add("POST", "/webhooks/deliveries/" + UUID.randomUUID() + "/replay", "{\"now\":true}", 400, "api.unknown_field");
    }

    private void ids() {
        for (String id : new String[] {"abc", "123", "00000000-0000-0000-0000-00000000000g", "1-1-1-1-1", "%20", "'%20OR%201=1",
                UUID.randomUUID().toString().replace("-", ""), UUID.randomUUID() + "0"}) {
            add("GET", "/payments/" + id, null, 404, "api.not_found");
            add("GET", "/payments/" + id + "/refunds", null, 404, "api.not_found");
            add("POST", "/payments/" + id + "/capture", null, 404, "api.not_found");
            add("POST", "/payments/" + id + "/void", null, 404, "api.not_found");
            add("POST", "/payments/" + id + "/refunds", null, 404, "api.not_found");
            add("GET", "/payouts/" + id, null, 404, "api.not_found");
            add("POST", "/webhooks/deliveries/" + id + "/replay", null, 404, "api.not_found");
        }
    }

    private void queryParameters() {
        for (String query : new String[] {"status=bogus", "status=CAPTURED", "status=", "from=2026-13-01", "from=yesterday",
                "to=2026-02-30", "to=1764000000", "minAmount=-1", "minAmount=1.234", "minAmount=abc", "maxAmount=1e3",
                "currency=XXX&minAmount=1", "currency=eur", "limit=0", "limit=101", "limit=abc", "limit=-1", "limit=1.5",
                "cursor=" + "c".repeat(201), "cursor=%20x", "unknown=1", "status=captured&status=voided", "reference=",
                "reference=" + "r".repeat(101), "limit=1000000000000"}) {
            add("GET", "/payments?" + query, null, 400, "api.invalid_parameter");
        }
        add("GET", "/payments?from=2026-11-25&to=2026-11-01", null, 400, "payments.invalid_request");
        add("GET", "/payments?minAmount=10&maxAmount=1", null, 400, "payments.invalid_request");
        for (String query : new String[] {"from=x", "to=2026-11-25T00:00:00Z", "limit=0", "limit=101", "from=2026-11-25&to=2026-11-01",
                "unknown=1"}) {
            add("GET", "/settlements?" + query, null, 400, "api.invalid_parameter");
        }
        for (String query : new String[] {"limit=0", "limit=x", "cursor=" + "c".repeat(201), "page=2"}) {
            add("GET", "/webhooks/deliveries?" + query, null, 400, "api.invalid_parameter");
        }
        add("GET", "/balance?currency=EUR", null, 400, "api.invalid_parameter");
    }

    private void methodsMediaTypesAndHeaders(String valid) {
        add("DELETE", "/payments", null, 405, "api.method_not_allowed");
        add("PUT", "/payments/" + UUID.randomUUID(), "{}", 405, "api.method_not_allowed");
        add("PATCH", "/balance", "{}", 405, "api.method_not_allowed");
        add("GET", "/payments/" + UUID.randomUUID() + "/capture", null, 405, "api.method_not_allowed");
        add("POST", "/balance", "{}", 405, "api.method_not_allowed");
        add("GET", "/paymentz", null, 404, "api.not_found");
        add("GET", "/payments/" + UUID.randomUUID() + "/foo", null, 404, "api.not_found");
        add("GET", "/", null, 404, "api.not_found");
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            add("POST", "/payments", valid, 415, "api.unsupported_media_type", "Content-Type", type);
        }
        add("GET", "/balance", null, 406, "api.not_acceptable", "Accept", "application/xml");
        add("POST", "/payments", valid, 400, "payments.invalid_request", "Idempotency-Key", "x".repeat(256));
        add("GET", "/balance", null, 401, "auth.signature_malformed", "Signature", "keyId=nonsense");
        add("GET", "/balance", null, 401, "auth.signature_malformed", "Signature", "");
    }

    /** The valid wallet payment with one field replaced ({@code value} raw JSON) or removed ({@code value} null). */
    private static String payment(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", "\"12.34\"");
        fields.put("currency", "\"EUR\"");
        fields.put("reference", "\"order-1\"");
        fields.put("method", "\"wallet\"");
        fields.put("wallet", "{\"id\":\"" + UUID.randomUUID() + "\",\"customerToken\":\"tok\"}");
        if (field != null) {
            if (value == null) {
                fields.remove(field);
            } else {
                fields.put(field, value);
            }
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":").append(v));
        return json.append('}').toString();
    }

    /** A card payment: with {@code card} (raw JSON) if not null, with a return URL if asked. */
    private static String card(String card, boolean returnUrl) {
        return "{\"amount\":\"12.34\",\"currency\":\"EUR\",\"reference\":\"order-2\",\"method\":\"card\""
                + (card == null ? "" : ",\"card\":" + card) + (returnUrl ? ",\"returnUrl\":\"https://shop.example/back\"" : "") + "}";
    }

    private void add(String method, String path, String body, int status, String code, String... headers) {
        cases.add(new Case(method, path, body, status, code, headers));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "…" : body;
    }

    /** Row counts of every table of the modules but those that move on their own, and the ledger's balance total. */
    private static Map<String, Long> snapshot(EmbeddedSystem system) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(system.jdbcUrl(), system.databaseUser(), "");
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                    + "WHERE table_schema IN ('accounts', 'ledger', 'payments', 'wallet', 'vault', 'fraud') AND table_type = 'BASE TABLE' "
                    + "AND table_name NOT LIKE 'flyway%' ORDER BY 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                if (!BACKGROUND.matcher(table).matches()) {
                    try (ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        row.next();
                        counts.put(table, row.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
