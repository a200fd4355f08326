package io.reactivepay.accounts.boundary;

import static io.reactivepay.accounts.boundary.AccountsBeans.newEmail;
import static io.reactivepay.accounts.boundary.AccountsBeans.newPhone;
import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.ContactChannel;
import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.KycLevel;
import io.reactivepay.accounts.api.VerificationCode;
import io.reactivepay.accounts.api.VerificationResult;
import io.reactivepay.accounts.api.WalletSignUp;
import io.reactivepay.embedded.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProfilesIT {

    private static ProfilesBean profiles;

    @BeforeAll
    static void database() throws Exception {
        profiles = AccountsBeans.profiles(TestKeys.beforeRotation());
    }

    private static String stored(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static VerificationResult verify(UUID id, ContactChannel channel, String code) throws Exception {
        return inTransaction(() -> profiles.verify(id, channel, code));
    }

    @Test
    void aPaleProfileFromAPaymentIsFoundByEmailOrPhoneAndStoredOnlyEncrypted() throws Exception {
        String email = newEmail("anna");
        String phone = newPhone();
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 6) + "-" + phone.substring(6);
        CustomerProfile pale = inTransaction(() -> profiles.payer(email.toUpperCase(), spaced, "Anna Muster"));
        assertEquals(CustomerProfile.Origin.PAYMENT, pale.origin());
        assertEquals(KycLevel.UNVERIFIED, pale.level());
        assertEquals(Optional.of(email), pale.email(), "normalised to lower case");
        assertEquals(Optional.of(phone), pale.phone(), "normalised to E.164");

        assertEquals(pale.id(), inTransaction(() -> profiles.payer(email, null, null)).id(), "the second payment finds it");
        assertEquals(pale.id(), inTransaction(() -> profiles.payer(null, phone, "Someone Else")).id());
        assertEquals(pale.id(), inTransaction(() -> profiles.findByPhone(phone)).orElseThrow().id());
        assertEquals(Optional.of("Anna Muster"), inTransaction(() -> profiles.findByEmail(email)).orElseThrow().name());
        assertTrue(inTransaction(() -> profiles.findByEmail(newEmail("nobody"))).isEmpty());

        String row = stored("SELECT row_to_json(p)::text FROM accounts.customer_profile p WHERE id = '" + pale.id() + "'");
        assertFalse(row.contains(email) || row.contains(email.substring(0, email.indexOf('@'))), row);
        assertFalse(row.contains("Muster") || row.contains(phone.substring(1)), row);
        assertTrue(stored("SELECT email FROM accounts.customer_profile WHERE id = '" + pale.id() + "'").startsWith("v1:"));
        assertFalse(pale.toString().contains("Muster"), "toString leaves personal data out");
    }

    @Test
    void aWalletSignUpTakesOverThePaleProfileAndASecondOneIsRefused() throws Exception {
        String email = newEmail("ben");
        String phone = newPhone();
        CustomerProfile pale = inTransaction(() -> profiles.payer(email, null, "B."));
        WalletSignUp signUp = new WalletSignUp(phone, email, "Ben Beispiel", LocalDate.of(1990, 2, 28),
                "Hauptstraße 1\n10115 Berlin", "DE");
        CustomerProfile wallet = inTransaction(() -> profiles.signUp(signUp));
        assertEquals(pale.id(), wallet.id());
        assertEquals(CustomerProfile.Origin.WALLET, wallet.origin());
        assertEquals(Optional.of("Ben Beispiel"), wallet.name());
        assertEquals(Optional.of(LocalDate.of(1990, 2, 28)), wallet.birthDate());
        assertEquals(Optional.of("Hauptstraße 1\n10115 Berlin"), wallet.address());
        assertEquals(Optional.of(phone), wallet.phone());

        AccountsException again = assertThrows(AccountsException.class, () -> inTransaction(() ->
                profiles.signUp(new WalletSignUp(phone, null, null, null, null, null))));
        assertEquals(AccountsException.PROFILE_EXISTS, again.errorCode());

        String carlsPhone = newPhone();
        String carlsEmail = newEmail("carl");
        inTransaction(() -> profiles.payer(null, carlsPhone, null));
        inTransaction(() -> profiles.payer(carlsEmail, null, null));
        AccountsException twoProfiles = assertThrows(AccountsException.class, () -> inTransaction(() ->
                profiles.signUp(new WalletSignUp(carlsPhone, carlsEmail, null, null, null, null))));
        assertEquals(AccountsException.PROFILE_EXISTS, twoProfiles.errorCode());
    }

    @Test
    void verifyingPhoneAndEmailRaisesTheLevelToBasicAndOnlyAKeyedHashOfTheCodeIsStored() throws Exception {
        CustomerProfile wallet = inTransaction(() -> profiles.signUp(new WalletSignUp(newPhone(), newEmail("dora"),
                null, null, null, null)));
        VerificationCode sms = inTransaction(() -> profiles.startVerification(wallet.id(), ContactChannel.PHONE));
        assertEquals(wallet.phone().orElseThrow(), sms.destination());
        assertTrue(sms.code().matches("[0-9]{6}"));
        assertFalse(sms.toString().contains(sms.code()), "the code stays out of logs");
        String hash = stored("SELECT code_hash FROM accounts.verification_code WHERE profile_id = '" + wallet.id() + "'");
        assertFalse(hash.contains(sms.code()));

        String wrong = sms.code().equals("000000") ? "111111" : "000000";
        assertEquals(new VerificationResult.WrongCode(4), verify(wallet.id(), ContactChannel.PHONE, wrong));
        assertEquals(new VerificationResult.Verified(KycLevel.UNVERIFIED), verify(wallet.id(), ContactChannel.PHONE, sms.code()));
        assertInstanceOf(VerificationResult.NoValidCode.class, verify(wallet.id(), ContactChannel.PHONE, sms.code()),
                "a code works once");

        VerificationCode mail = inTransaction(() -> profiles.startVerification(wallet.id(), ContactChannel.EMAIL));
        assertEquals(new VerificationResult.Verified(KycLevel.BASIC), verify(wallet.id(), ContactChannel.EMAIL, mail.code()));
        CustomerProfile basic = inTransaction(() -> profiles.find(wallet.id())).orElseThrow();
        assertTrue(basic.emailVerified() && basic.phoneVerified());
        assertEquals(KycLevel.BASIC, basic.level());
    }

    @Test
    void aCodeIsVoidAfterFiveWrongEntriesAndWhenExpired() throws Exception {
        CustomerProfile wallet = inTransaction(() -> profiles.signUp(new WalletSignUp(newPhone(), null, null, null, null, null)));
        VerificationCode code = inTransaction(() -> profiles.startVerification(wallet.id(), ContactChannel.PHONE));
        String wrong = code.code().equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            assertEquals(new VerificationResult.WrongCode(left), verify(wallet.id(), ContactChannel.PHONE, wrong),
                    "each wrong entry is counted in its own transaction");
        }
        assertInstanceOf(VerificationResult.NoValidCode.class, verify(wallet.id(), ContactChannel.PHONE, code.code()));

        VerificationCode fresh = inTransaction(() -> profiles.startVerification(wallet.id(), ContactChannel.PHONE));
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE accounts.verification_code SET expires_at = now() - interval '1 second' "
                    + "WHERE profile_id = '" + wallet.id() + "'");
        }
        assertInstanceOf(VerificationResult.NoValidCode.class, verify(wallet.id(), ContactChannel.PHONE, fresh.code()));
        assertFalse(inTransaction(() -> profiles.find(wallet.id())).orElseThrow().phoneVerified());
    }

    @Test
    void badPersonalDataIsRefusedWithItsCodeAndStoresNothing() throws Exception {
        String count = "SELECT count(*) FROM accounts.customer_profile";
        String before = stored(count);
        for (WalletSignUp bad : new WalletSignUp[] {
                new WalletSignUp("0151 1234", null, null, null, null, null),
                new WalletSignUp(newPhone(), "not-an-address", null, null, null, null),
                new WalletSignUp(newPhone(), null, "x".repeat(201), null, null, null),
                new WalletSignUp(newPhone(), null, null, LocalDate.now().plusDays(1), null, null),
                new WalletSignUp(newPhone(), null, null, null, null, "XX"),
                new WalletSignUp(null, newEmail("eve"), null, null, null, null)}) {
            AccountsException refused = assertThrows(AccountsException.class, () -> inTransaction(() -> profiles.signUp(bad)));
            assertEquals(AccountsException.INVALID_PERSONAL_DATA, refused.errorCode());
        }
        assertEquals(AccountsException.INVALID_PERSONAL_DATA, assertThrows(AccountsException.class,
                () -> inTransaction(() -> profiles.payer(null, null, "Nobody"))).errorCode());
        assertEquals(before, stored(count));

        CustomerProfile phoneOnly = inTransaction(() -> profiles.signUp(new WalletSignUp(newPhone(), null, null, null, null, null)));
        assertEquals(AccountsException.INVALID_PERSONAL_DATA, assertThrows(AccountsException.class, () -> inTransaction(() ->
                profiles.startVerification(phoneOnly.id(), ContactChannel.EMAIL))).errorCode());
        assertEquals(AccountsException.PROFILE_NOT_FOUND, assertThrows(AccountsException.class, () -> inTransaction(() ->
                profiles.startVerification(UUID.randomUUID(), ContactChannel.PHONE))).errorCode());
    }
}
