package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.Documents;
import io.reactivepay.accounts.api.KycDocument;
import io.reactivepay.accounts.api.KycLevel;
import io.reactivepay.accounts.api.StaffUser;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.DocumentStore;
import io.reactivepay.accounts.control.KycLevels;
import io.reactivepay.accounts.control.PersonalData;
import io.reactivepay.accounts.control.StaffRoles;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

@Stateless
public class DocumentsBean implements Documents {

    private static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_PAGE = 200;

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    DocumentStore documents;

    @Inject
    AuditChain audit;

    @Override
    public KycDocument upload(UUID profileId, KycDocument.Kind kind, String fileName, byte[] content) {
        String name = PersonalData.text(fileName, 200, "The file name", AccountsException.INVALID_DOCUMENT);
        if (kind == null || name == null || content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw new AccountsException(AccountsException.INVALID_DOCUMENT, "A document has a kind, a name and 1 byte to 5 MB");
        }
        String mediaType = mediaType(content);
        return Jdbc.with(dataSource, "Storing a document", connection -> {
            KycLevels.lock(connection, profileId).orElseThrow(() ->
                    new AccountsException(AccountsException.PROFILE_NOT_FOUND, "No profile " + profileId));
            return documents.insert(connection, profileId, kind, name, mediaType, content);
        });
    }

    @Override
    public List<KycDocument> pending(int offset, int limit) {
        return Jdbc.with(dataSource, "Listing documents to review", connection ->
                documents.pending(connection, Math.max(0, offset), Math.max(1, Math.min(limit, MAX_PAGE))));
    }

    @Override
    public List<KycDocument> ofProfile(UUID profileId) {
        return Jdbc.with(dataSource, "Listing a customer's documents", connection -> documents.ofProfile(connection, profileId));
    }

    @Override
    public byte[] content(UUID documentId, UUID reviewerId, String source) {
        return Jdbc.with(dataSource, "Reading a document", connection -> {
            String reviewer = StaffRoles.require(connection, reviewerId, StaffUser.Role.CLIENT_SERVICE_MANAGER);
            KycDocument document = found(connection, documentId, false);
            audit.append(connection, new AuditEvent(reviewer, "kyc_document.viewed", "kyc_document", documentId.toString(),
                    source, Map.of("profileId", document.profileId().toString())));
            return documents.content(connection, documentId);
        });
    }

    @Override
    public KycLevel approve(UUID documentId, UUID reviewerId, String source) {
        return Jdbc.with(dataSource, "Approving a document", connection -> {
            KycDocument document = review(connection, documentId, reviewerId, KycDocument.Status.APPROVED, null, source);
            return KycLevels.recompute(connection, document.profileId());
        });
    }

    @Override
    public void reject(UUID documentId, UUID reviewerId, String reason, String source) {
        String why = PersonalData.text(reason, 500, "The reason", AccountsException.INVALID_DOCUMENT);
        if (why == null) {
            throw new AccountsException(AccountsException.INVALID_DOCUMENT, "A rejection needs a reason");
        }
        Jdbc.with(dataSource, "Rejecting a document", connection ->
                review(connection, documentId, reviewerId, KycDocument.Status.REJECTED, why, source));
    }

    private KycDocument review(Connection connection, UUID documentId, UUID reviewerId, KycDocument.Status decision,
                               String reason, String source) throws SQLException {
        String reviewer = StaffRoles.require(connection, reviewerId, StaffUser.Role.CLIENT_SERVICE_MANAGER);
        KycDocument document = found(connection, documentId, true);
        if (document.status() != KycDocument.Status.PENDING) {
            throw new AccountsException(AccountsException.ALREADY_REVIEWED, "The document was " + document.status());
        }
        documents.review(connection, documentId, decision, reason, reviewerId);
        Map<String, String> details = new HashMap<>(Map.of("profileId", document.profileId().toString(),
                "kind", document.kind().name()));
        if (reason != null) {
            details.put("reason", reason);
        }
        audit.append(connection, new AuditEvent(reviewer, "kyc_document." + decision.name().toLowerCase(Locale.ROOT),
                "kyc_document", documentId.toString(), source, details));
        return document;
    }

    private KycDocument found(Connection connection, UUID documentId, boolean lock) throws SQLException {
        return documents.find(connection, documentId, lock).orElseThrow(() ->
                new AccountsException(AccountsException.DOCUMENT_NOT_FOUND, "No document " + documentId));
    }

    /** From the first bytes, not from what the uploader claims. */
    private static String mediaType(byte[] content) {
        if (startsWith(content, 0x25, 0x50, 0x44, 0x46)) {
            return "application/pdf";
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(content, 0x89, 0x50, 0x4E, 0x47)) {
            return "image/png";
        }
        throw new AccountsException(AccountsException.INVALID_DOCUMENT, "A document is a PDF, a JPEG or a PNG");
    }

    private static boolean startsWith(byte[] content, int... magic) {
        return content.length >= magic.length
                && Arrays.equals(Arrays.copyOf(content, magic.length), toBytes(magic));
    }

    private static byte[] toBytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
