package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The merchant API as a merchant's system talks to it: API key, optional RSA-SHA256 signature made
 * exactly as the README's recipe says, idempotency keys; and a raw socket client for what a friendly
 * HTTP client will not send (odd headers, another loopback source address).
 */
final class MerchantApi {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Merchant(UUID id, String apiKey, UUID apiKeyId) {
    }

    record SigningKey(KeyPair keys, String fingerprint, UUID id) {
    }

    record Reply(int status, Map<String, String> headers, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private MerchantApi() {
    }

    static URI base() throws Exception {
        return RunningSystem.get().baseUri();
    }

    static Merchant newMerchant(boolean requireSignature) throws Exception {
        JsonObject created = Http.post(base().resolve("/probe/merchant-api/merchants?requireSignature=" + requireSignature)).json();
        return new Merchant(UUID.fromString(created.getString("merchantId")), created.getString("apiKey"),
                UUID.fromString(created.getString("apiKeyId")));
    }

    static SigningKey registerKey(Merchant merchant) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        HttpResponse<String> reply = CLIENT.send(HttpRequest.newBuilder(base().resolve("/probe/merchant-api/merchants/"
                        + merchant.id() + "/public-keys")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(pem)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        JsonObject key = Json.createReader(new StringReader(reply.body())).readObject();
        assertEquals(hex(sha256(keys.getPublic().getEncoded())), key.getString("fingerprint"));
        return new SigningKey(keys, key.getString("fingerprint"), UUID.fromString(key.getString("keyId")));
    }

    /** {@code Signature} header value over the request, created at {@code created}. */
    static String signature(SigningKey key, String method, String pathWithQuery, long created, byte[] body) throws Exception {
        String signed = method + "\n" + pathWithQuery + "\n" + created + "\n" + hex(sha256(body));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key.keys().getPrivate());
        signer.update(signed.getBytes(StandardCharsets.UTF_8));
        return "keyId=\"" + key.fingerprint() + "\",created=" + created + ",signature=\""
                + Base64.getEncoder().encodeToString(signer.sign()) + "\"";
    }

    /** A request to {@code /api/v1<path>}; headers in pairs. */
    static Reply send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve("/api/v1" + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> names = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> names.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return new Reply(response.statusCode(), names, response.body());
    }

    /** As the merchant: its key, and for a POST an idempotency key. */
    static Reply as(Merchant merchant, String method, String path, String body, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + merchant.apiKey()));
        if (method.equals("POST") && !named(headers, "Idempotency-Key")) {
            all.addAll(List.of("Idempotency-Key", UUID.randomUUID().toString()));
        }
        if (body != null && !named(headers, "Content-Type")) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        all.addAll(List.of(headers));
        return send(method, path, body, all.toArray(String[]::new));
    }

    private static boolean named(String[] headers, String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** As the merchant, signed now with {@code key}. */
    static Reply signed(Merchant merchant, SigningKey key, String method, String path, String body, String... headers)
            throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of("Signature",
                signature(key, method, "/api/v1" + path, Instant.now().getEpochSecond(), bytes)));
        all.addAll(List.of(headers));
        return as(merchant, method, path, body, all.toArray(String[]::new));
    }

    /** An RFC 9457 document with this status and code; returns it. */
    static JsonObject assertProblem(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json"),
                "content type " + reply.header("Content-Type") + " of " + reply.body());
        JsonObject problem = reply.json();
        assertEquals(code, problem.getString("code"), reply.body());
        assertEquals(status, problem.getInt("status"));
        assertEquals("https://reactivepay.io/problems/" + code, problem.getString("type"));
        assertTrue(!problem.getString("title").isBlank() && problem.containsKey("detail"), reply.body());
        return problem;
    }

    /**
     * Raw HTTP/1.1 over a socket bound to {@code source} (any 127.x address is this machine): for
     * requests no HTTP client library would send and for a client address of the test's choosing.
     */
    static Reply raw(InetAddress source, String request) throws Exception {
        URI base = base();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Reply parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No HTTP response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = position;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

}
