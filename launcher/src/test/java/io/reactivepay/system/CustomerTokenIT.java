package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens that ejb-accounts issues to wallet customers are verified by Payara's MicroProfile JWT on the
 * wallet API; forged, altered and missing tokens are refused. The merchants' API, a web module of its
 * own, takes an API key in the same header without the JWT check getting in the way.
 */
@ExtendWith(RunningSystem.class)
class CustomerTokenIT {

    private static URI api(String path) throws Exception {
        return RunningSystem.get().baseUri().resolve("/api/v1/" + path);
    }

    private static URI wallet(String path) throws Exception {
        return RunningSystem.get().baseUri().resolve("/wallet-api/v1/" + path);
    }

    @Test
    void anIssuedTokenOpensTheWalletApiAndNothingElseDoes() throws Exception {
        var issued = Http.post(RunningSystem.get().baseUri().resolve("/probe/tokens")).json();
        String token = issued.getString("token");

        Http.Reply me = Http.getAs(wallet("me"), token);
        assertEquals(200, me.status(), me.body());
        assertEquals(issued.getString("customerId"), me.json().getString("customerId"));

        assertEquals(401, Http.get(wallet("me")).status(), "no token");
        String[] parts = token.split("\\.");
        String otherSubject = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(issued.getString("customerId"), "00000000-0000-0000-0000-000000000000").getBytes(StandardCharsets.UTF_8));
        assertEquals(401, Http.getAs(wallet("me"), parts[0] + "." + otherSubject + "." + parts[2]).status(),
                "claims changed after signing");
        assertEquals(401, Http.getAs(wallet("me"), forgedWithAnotherKey(parts[0], parts[1])).status(),
                "signed with a key that is not the system's");
    }

    @Test
    void aMerchantApiKeyInTheAuthorizationHeaderIsNotTakenForAToken() throws Exception {
        Http.Reply health = Http.getAs(api("health"), "rp_0123abcd_notajwtatallbutanapikeyofamerchant00000000000");
        assertEquals(200, health.status(), health.body());
        assertEquals("UP", Json.createReader(new java.io.StringReader(health.body())).readObject().getString("status"));
    }

    private static String forgedWithAnotherKey(String header, String claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(generator.generateKeyPair().getPrivate());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }
}
