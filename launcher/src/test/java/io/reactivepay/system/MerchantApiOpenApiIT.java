package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAPI document Payara serves lists every merchant operation with its schemas and examples. */
@ExtendWith(RunningSystem.class)
class MerchantApiOpenApiIT {

    @Test
    void everyOperationIsDescribedWithSchemasExamplesAndRefusals() throws Exception {
        HttpResponse<String> reply = MerchantApi.CLIENT.send(HttpRequest.newBuilder(MerchantApi.base().resolve("/openapi"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        JsonObject document = Json.createReader(new StringReader(reply.body())).readObject();
        JsonObject paths = document.getJsonObject("paths");
        Map<String, List<String>> operations = Map.of(
                "/v1/payments", List.of("get", "post"),
                "/v1/payments/{id}", List.of("get"),
                "/v1/payments/{id}/capture", List.of("post"),
                "/v1/payments/{id}/void", List.of("post"),
                "/v1/payments/{id}/refunds", List.of("get", "post"),
                "/v1/payouts", List.of("post"),
                "/v1/payouts/{id}", List.of("get"),
                "/v1/balance", List.of("get"),
                "/v1/settlements", List.of("get"),
                "/v1/webhooks/deliveries", List.of("get"));
        operations.forEach((path, methods) -> {
            assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
            for (String method : methods) {
                JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
                assertTrue(operation != null && !operation.getString("summary", "").isBlank(), method + " " + path);
                JsonObject responses = operation.getJsonObject("responses");
                assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), method + " " + path + " success");
                String success = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst().orElseThrow();
                assertTrue(responses.getJsonObject(success).getJsonObject("content").containsKey("application/json"),
                        method + " " + path + " has a JSON answer");
            }
        });
        assertTrue(paths.containsKey("/v1/webhooks/deliveries/{id}/replay"), paths.keySet().toString());

        JsonObject create = paths.getJsonObject("/v1/payments").getJsonObject("post");
        JsonObject body = create.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json");
        assertEquals("#/components/schemas/NewPayment", body.getJsonObject("schema").getString("$ref"));
        assertTrue(body.getJsonObject("examples").keySet().containsAll(List.of("wallet", "card", "checkout")), body.toString());
        assertTrue(create.toString().contains("IdempotencyKey"), "the Idempotency-Key header is documented");
        assertTrue(create.getJsonObject("responses").containsKey("201"));

        JsonObject components = document.getJsonObject("components");
        for (String schema : List.of("NewPayment", "Payment", "Problem", "NewPayout", "Payout", "Refund", "Balance", "Amount")) {
            assertTrue(components.getJsonObject("schemas").containsKey(schema), schema);
        }
        assertTrue(components.getJsonObject("securitySchemes").containsKey("apiKey"));
        assertTrue(components.getJsonObject("responses").getJsonObject("BadRequest").getJsonObject("content")
                .containsKey("application/problem+json"));
    }
}
