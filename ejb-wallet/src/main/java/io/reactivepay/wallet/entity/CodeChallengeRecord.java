package io.reactivepay.wallet.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A one-time code challenge; holds the code's hash, never the code. */
@Entity
@Table(schema = "wallet", name = "code_challenge")
public class CodeChallengeRecord {

    public static final int MAX_ATTEMPTS = 5;

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String phone;

    @Column(name = "code_hash", nullable = false, updatable = false)
    private byte[] codeHash;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected CodeChallengeRecord() {
        // for JPA
    }

    public CodeChallengeRecord(UUID id, String phone, byte[] codeHash, OffsetDateTime expiresAt) {
        this.id = id;
        this.phone = phone;
        this.codeHash = codeHash.clone();
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    /** Counts the attempt and accepts the code once, while the challenge is fresh and not exhausted. */
    public boolean attempt(byte[] candidateHash) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (usedAt != null || attempts >= MAX_ATTEMPTS || now.isAfter(expiresAt)) {
            return false;
        }
        attempts++;
        if (MessageDigest.isEqual(codeHash, candidateHash)) {
            usedAt = now;
            return true;
        }
        return false;
    }
}
