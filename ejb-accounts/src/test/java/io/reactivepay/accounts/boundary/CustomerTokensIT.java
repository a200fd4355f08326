package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.IssuedToken;
import io.reactivepay.accounts.api.WalletSignUp;
import io.reactivepay.accounts.control.ProfileStore;
import io.reactivepay.accounts.control.TokenSigner;
import io.reactivepay.embedded.TestDatabase;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerTokensIT {

    private static KeyPair keys;
    private static CustomerTokensBean tokens;
    private static ProfilesBean profiles;

    @BeforeAll
    static void database() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        profiles = AccountsBeans.profiles(TestKeys.beforeRotation());
        tokens = new CustomerTokensBean();
        tokens.dataSource = TestDatabase.DATA_SOURCE;
        tokens.profiles = new ProfileStore(TestKeys.beforeRotation());
        tokens.signer = new TokenSigner(keys.getPrivate(), "reactivepay", Duration.ofMinutes(15));
    }

    @Test
    void aWalletCustomerGetsATokenForTheirProfileSignedWithTheSystemKey() throws Exception {
        CustomerProfile customer = inTransaction(() -> profiles.signUp(new WalletSignUp(AccountsBeans.newPhone(), null,
                null, null, null, null)));
        IssuedToken issued = inTransaction(() -> tokens.issue(customer.id()));
        String[] parts = issued.token().split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
        assertTrue(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .contains("\"sub\":\"" + customer.id() + "\""));
        assertTrue(Duration.between(Instant.now(), issued.expiresAt()).toMinutes() >= 14);
        assertTrue(!issued.toString().contains(parts[2]), "the token stays out of logs");
    }

    @Test
    void paleAndUnknownProfilesGetNoToken() throws Exception {
        CustomerProfile pale = inTransaction(() -> profiles.payer(AccountsBeans.newEmail("pale"), null, null));
        assertEquals(AccountsException.FORBIDDEN, assertThrows(AccountsException.class, () -> inTransaction(() ->
                tokens.issue(pale.id()))).errorCode());
        assertEquals(AccountsException.PROFILE_NOT_FOUND, assertThrows(AccountsException.class, () -> inTransaction(() ->
                tokens.issue(UUID.randomUUID()))).errorCode());
    }
}
