package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.KycDocument;
import io.reactivepay.accounts.api.KycLevel;
import io.reactivepay.accounts.api.StaffUser;
import io.reactivepay.embedded.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocumentsIT {

    static final byte[] PASSPORT = "%PDF-1.7 passport of Anna Muster, number C01X00T47".getBytes(StandardCharsets.US_ASCII);
    static final byte[] UTILITY_BILL = new byte[] {(byte) 0x89, 'P', 'N', 'G', 'H', 'a', 'u', 'p', 't', 's', 't', 'r'};

    private static ProfilesBean profiles;
    private static DocumentsBean documents;
    private static StaffUser manager;
    private static StaffUser riskManager;

    @BeforeAll
    static void database() throws Exception {
        profiles = AccountsBeans.profiles(TestKeys.beforeRotation());
        documents = AccountsBeans.documents(TestKeys.beforeRotation());
        StaffUsersBean users = AccountsBeans.staffUsers(TestKeys.beforeRotation());
        manager = AccountsBeans.newStaff(users, StaffUser.Role.CLIENT_SERVICE_MANAGER);
        riskManager = AccountsBeans.newStaff(users, StaffUser.Role.RISK_MANAGER);
    }

    private static KycDocument upload(UUID profile, KycDocument.Kind kind, byte[] content) throws Exception {
        return inTransaction(() -> documents.upload(profile, kind, "scan.pdf", content));
    }

    private static String query(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static String auditTrail(UUID document) throws Exception {
        return query("SELECT string_agg(action || ' by ' || actor, ', ' ORDER BY id) FROM accounts.audit_log "
                + "WHERE object_type = 'kyc_document' AND object_id = '" + document + "'");
    }

    @Test
    void documentsAreStoredEncryptedAndApprovingBothRaisesABasicCustomerToFull() throws Exception {
        CustomerProfile customer = AccountsBeans.basicCustomer(profiles);
        KycDocument passport = upload(customer.id(), KycDocument.Kind.IDENTITY, PASSPORT);
        KycDocument bill = upload(customer.id(), KycDocument.Kind.PROOF_OF_ADDRESS, UTILITY_BILL);
        assertEquals("application/pdf", passport.mediaType());
        assertEquals("image/png", bill.mediaType());
        assertEquals(KycDocument.Status.PENDING, passport.status());

        String row = query("SELECT row_to_json(d)::text FROM accounts.kyc_document d WHERE id = '" + passport.id() + "'");
        assertFalse(row.contains("C01X00T47") || row.contains(Base64.getEncoder().encodeToString(PASSPORT).substring(0, 20))
                || row.contains("scan.pdf"), row);
        List<KycDocument> queue = inTransaction(() -> documents.pending(0, 200));
        assertTrue(queue.stream().anyMatch(document -> document.id().equals(passport.id())));

        assertEquals(KycLevel.BASIC, inTransaction(() -> documents.approve(passport.id(), manager.id(), "10.0.0.7")));
        assertEquals(KycLevel.FULL, inTransaction(() -> documents.approve(bill.id(), manager.id(), "10.0.0.7")));
        assertEquals(KycLevel.FULL, inTransaction(() -> profiles.find(customer.id())).orElseThrow().level());

        assertArrayEquals(PASSPORT, inTransaction(() -> documents.content(passport.id(), manager.id(), "10.0.0.7")));
        assertEquals("kyc_document.approved by " + manager.username() + ", kyc_document.viewed by " + manager.username(),
                auditTrail(passport.id()));
        assertEquals(List.of(KycDocument.Status.APPROVED, KycDocument.Status.APPROVED),
                inTransaction(() -> documents.ofProfile(customer.id())).stream().map(KycDocument::status).toList());
    }

    @Test
    void approvedDocumentsOfAnUnverifiedCustomerDoNotMakeThemFull() throws Exception {
        CustomerProfile pale = inTransaction(() -> profiles.payer(AccountsBeans.newEmail("pale"), null, null));
        KycDocument passport = upload(pale.id(), KycDocument.Kind.IDENTITY, PASSPORT);
        KycDocument bill = upload(pale.id(), KycDocument.Kind.PROOF_OF_ADDRESS, UTILITY_BILL);
        inTransaction(() -> documents.approve(passport.id(), manager.id(), "10.0.0.7"));
        assertEquals(KycLevel.UNVERIFIED, inTransaction(() -> documents.approve(bill.id(), manager.id(), "10.0.0.7")));
    }

    @Test
    void aRejectionNeedsAReasonIsAuditedWithItAndIsFinal() throws Exception {
        CustomerProfile customer = AccountsBeans.basicCustomer(profiles);
        KycDocument passport = upload(customer.id(), KycDocument.Kind.IDENTITY, PASSPORT);
        assertEquals(AccountsException.INVALID_DOCUMENT, assertThrows(AccountsException.class, () -> inTransaction(() -> {
            documents.reject(passport.id(), manager.id(), " ", "10.0.0.7");
            return null;
        })).errorCode());
        inTransaction(() -> {
            documents.reject(passport.id(), manager.id(), "The photo page is cut off", "10.0.0.7");
            return null;
        });
        KycDocument rejected = inTransaction(() -> documents.ofProfile(customer.id())).get(0);
        assertEquals(KycDocument.Status.REJECTED, rejected.status());
        assertEquals(Optional.of("The photo page is cut off"), rejected.reason());
        assertEquals("The photo page is cut off", query("SELECT details->>'reason' FROM accounts.audit_log "
                + "WHERE action = 'kyc_document.rejected' AND object_id = '" + passport.id() + "'"));
        assertEquals(AccountsException.ALREADY_REVIEWED, assertThrows(AccountsException.class, () -> inTransaction(() ->
                documents.approve(passport.id(), manager.id(), "10.0.0.7"))).errorCode());
        assertEquals(KycLevel.BASIC, inTransaction(() -> profiles.find(customer.id())).orElseThrow().level());
    }

    @Test
    void onlyAClientServiceManagerReviewsOrReads() throws Exception {
        CustomerProfile customer = AccountsBeans.basicCustomer(profiles);
        KycDocument passport = upload(customer.id(), KycDocument.Kind.IDENTITY, PASSPORT);
        for (UUID notAllowed : List.of(riskManager.id(), UUID.randomUUID())) {
            assertEquals(AccountsException.FORBIDDEN, assertThrows(AccountsException.class, () -> inTransaction(() ->
                    documents.approve(passport.id(), notAllowed, "10.0.0.7"))).errorCode());
            assertEquals(AccountsException.FORBIDDEN, assertThrows(AccountsException.class, () -> inTransaction(() ->
                    documents.content(passport.id(), notAllowed, "10.0.0.7"))).errorCode());
        }
        assertEquals(KycDocument.Status.PENDING, inTransaction(() -> documents.ofProfile(customer.id())).get(0).status());
        assertEquals(null, auditTrail(passport.id()));
        assertEquals(AccountsException.DOCUMENT_NOT_FOUND, assertThrows(AccountsException.class, () -> inTransaction(() ->
                documents.approve(UUID.randomUUID(), manager.id(), "10.0.0.7"))).errorCode());
    }

    @Test
    void badUploadsAreRefusedAndStoreNothing() throws Exception {
        CustomerProfile customer = AccountsBeans.basicCustomer(profiles);
        for (byte[] bad : new byte[][] {"plain text".getBytes(StandardCharsets.US_ASCII), new byte[0],
                new byte[5 * 1024 * 1024 + 1]}) {
            assertEquals(AccountsException.INVALID_DOCUMENT, assertThrows(AccountsException.class,
                    () -> upload(customer.id(), KycDocument.Kind.IDENTITY, bad)).errorCode());
        }
        assertEquals(AccountsException.PROFILE_NOT_FOUND, assertThrows(AccountsException.class,
                () -> upload(UUID.randomUUID(), KycDocument.Kind.IDENTITY, PASSPORT)).errorCode());
        assertEquals(List.of(), inTransaction(() -> documents.ofProfile(customer.id())));
    }
}
