package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.BankAccount;
import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.KycDocument;
import io.reactivepay.accounts.api.LoginResult;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.StaffUser;
import io.reactivepay.accounts.api.TotpEnrolment;
import io.reactivepay.accounts.api.WalletSignUp;
import io.reactivepay.accounts.control.EncryptedColumns;
import io.reactivepay.accounts.control.Totp;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.platform.crypto.DataKeys;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeyRotationIT {

    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    private static KeyRotationBean rotation;

    @BeforeAll
    static void database() throws Exception {
        TestDatabase.start("accounts");
        rotation = new KeyRotationBean();
        rotation.dataSource = TestDatabase.DATA_SOURCE;
        rotation.keys = TestKeys.afterRotation();
    }

    private static long scalar(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long underKeyOne() throws Exception {
        long stale = 0;
        for (EncryptedColumns.Table table : EncryptedColumns.ALL) {
            for (EncryptedColumns.Column column : table.columns()) {
                stale += scalar("SELECT count(*) FROM " + table.name() + " WHERE " + column.name() + " LIKE 'v1:%'");
            }
        }
        return stale;
    }

    private static void rotateAll() throws Exception {
        while (inTransaction(rotation::rotateBatch) > 0) {
            // batch after batch, as the scheduled job does
        }
    }

    @Test
    void everyEncryptedValueMovesFromKeyOneToKeyTwoInSmallBatchesAndStaysReadable() throws Exception {
        DataKeys before = TestKeys.beforeRotation();
        ProfilesBean profiles = AccountsBeans.profiles(before);
        CustomerProfile customer = inTransaction(() -> profiles.signUp(new WalletSignUp(AccountsBeans.newPhone(),
                AccountsBeans.newEmail("rotation"), "Rita Rotation", LocalDate.of(1985, 5, 5), "Ringstraße 5", "AT")));
        DocumentsBean documents = AccountsBeans.documents(before);
        for (int i = 0; i < 7; i++) {
            inTransaction(() -> documents.upload(customer.id(), KycDocument.Kind.IDENTITY, "passport.pdf", DocumentsIT.PASSPORT));
        }
        MerchantsBean merchants = AccountsBeans.merchants(before);
        Merchant merchant = AccountsBeans.activeMerchant(merchants);
        BankAccount account = new BankAccount("Rotation GmbH", "DE89370400440532013000", null);
        inTransaction(() -> {
            merchants.updateSettlement(merchant.id(), Currency.getInstance("EUR"), account, "admin:root");
            return null;
        });
        String webhookSecret = inTransaction(() -> AccountsBeans.integration(before).configureWebhook(merchant.id(),
                "https://rotation.example/hooks", "admin:root"));
        StaffUsersBean users = AccountsBeans.staffUsers(before);
        StaffUser admin = inTransaction(() -> users.create("rotation." + UUID.randomUUID().toString().substring(0, 8),
                PASSWORD, StaffUser.Role.ADMINISTRATOR, null, "admin:root"));
        TotpEnrolment totp = inTransaction(() -> users.enrolTotp(admin.id(), "127.0.0.1"));
        assertTrue(scalar("SELECT count(*) FROM accounts.customer_profile WHERE id = '" + customer.id()
                + "' AND email LIKE 'v1:%' AND name LIKE 'v1:%'") == 1, "written under key 1");

        long staleDocuments = scalar("SELECT count(*) FROM accounts.kyc_document WHERE content LIKE 'v1:%'");
        assertTrue(inTransaction(rotation::rotateBatch) > 0);
        assertEquals(staleDocuments - 5, scalar("SELECT count(*) FROM accounts.kyc_document WHERE content LIKE 'v1:%'"),
                "five documents per batch");
        rotateAll();
        assertEquals(0, underKeyOne(), "nothing is left under key 1");
        assertTrue(scalar("SELECT count(*) FROM accounts.customer_profile WHERE id = '" + customer.id()
                + "' AND email LIKE 'v2:%' AND birth_date LIKE 'v2:%'") == 1);

        DataKeys after = TestKeys.afterRotation();
        CustomerProfile read = inTransaction(() -> AccountsBeans.profiles(after).findByEmail(customer.email().orElseThrow()))
                .orElseThrow();
        assertEquals(customer, read, "readable, and still found through the blind index");
        assertEquals(Optional.of(account), inTransaction(() -> AccountsBeans.merchants(after).bankAccount(merchant.id())));
        assertEquals(List.of(webhookSecret), inTransaction(() -> AccountsBeans.integration(after).webhook(merchant.id()))
                .orElseThrow().secrets());
        StaffUser csm = AccountsBeans.newStaff(users, StaffUser.Role.CLIENT_SERVICE_MANAGER);
        KycDocument document = inTransaction(() -> documents.ofProfile(customer.id())).get(0);
        assertArrayEquals(DocumentsIT.PASSPORT, inTransaction(() -> AccountsBeans.documents(after)
                .content(document.id(), csm.id(), "127.0.0.1")));
        StaffUsersBean usersAfter = AccountsBeans.staffUsers(after);
        String code = Totp.code(Totp.decode(totp.secret()), Totp.step(Instant.now()));
        inTransaction(() -> {
            usersAfter.confirmTotp(admin.id(), code, "127.0.0.1");
            return null;
        });
        assertInstanceOf(LoginResult.SecondFactorRequired.class,
                inTransaction(() -> usersAfter.login(admin.username(), PASSWORD, null, "127.0.0.1")));
    }

    @Test
    void aRowInUseIsSkippedNotWaitedForAndRotatedByALaterBatch() throws Exception {
        ProfilesBean profiles = AccountsBeans.profiles(TestKeys.beforeRotation());
        CustomerProfile busy = inTransaction(() -> profiles.payer(AccountsBeans.newEmail("busy"), null, "Busy Body"));
        String stale = "SELECT count(*) FROM accounts.customer_profile WHERE id = '" + busy.id() + "' AND email LIKE 'v1:%'";
        try (Connection otherInstance = TestDatabase.connect()) {
            otherInstance.setAutoCommit(false);
            try (Statement lock = otherInstance.createStatement()) {
                lock.executeQuery("SELECT * FROM accounts.customer_profile WHERE id = '" + busy.id() + "' FOR UPDATE").close();
            }
            rotateAll();
            assertEquals(1, scalar(stale), "skipped while locked");
            otherInstance.commit();
        }
        rotateAll();
        assertEquals(0, scalar(stale));
    }
}
