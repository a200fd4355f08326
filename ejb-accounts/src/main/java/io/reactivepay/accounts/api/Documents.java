package io.reactivepay.accounts.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;

/**
 * Due-diligence documents: uploaded by customers, stored encrypted, reviewed by client service
 * managers. Every review and every reading of a document's content is audited.
 */
@Local
public interface Documents {

    /**
     * @param content a PDF, JPEG or PNG of at most 5 MB
     * @throws AccountsException {@link AccountsException#INVALID_DOCUMENT}, {@link AccountsException#PROFILE_NOT_FOUND}
     */
    KycDocument upload(UUID profileId, KycDocument.Kind kind, String fileName, byte[] content);

    /** The review queue, oldest first. */
    List<KycDocument> pending(int offset, int limit);

    List<KycDocument> ofProfile(UUID profileId);

    /** The decrypted content, for a client service manager; the reading is audited. */
    byte[] content(UUID documentId, UUID reviewerId, String source);

    /**
     * Approves a pending document and raises the customer's level if it now qualifies.
     *
     * @return the customer's level after the approval
     * @throws AccountsException {@link AccountsException#FORBIDDEN} unless the reviewer is a client service manager,
     *                           {@link AccountsException#ALREADY_REVIEWED}, {@link AccountsException#DOCUMENT_NOT_FOUND}
     */
    KycLevel approve(UUID documentId, UUID reviewerId, String source);

    /** Rejects a pending document with a reason the customer is shown; same refusals as {@link #approve}. */
    void reject(UUID documentId, UUID reviewerId, String reason, String source);
}
