package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.KycDocument;
import io.reactivepay.platform.crypto.DataKeys;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Documents in {@code accounts.kyc_document}; file name and content are encrypted (content as base64 text). */
@Dependent
public class DocumentStore {

    public static final String TABLE = "accounts.kyc_document";
    private static final String COLUMNS = "id, profile_id, kind, file_name, media_type, size_bytes, status, reason, uploaded_at";

    private final DataKeys keys;

    @Inject
    public DocumentStore(DataKeys keys) {
        this.keys = keys;
    }

    public KycDocument insert(Connection connection, UUID profileId, KycDocument.Kind kind, String fileName,
                              String mediaType, byte[] content) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (id, profile_id, kind, "
                + "file_name, media_type, size_bytes, content) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, profileId);
            insert.setString(3, kind.name());
            insert.setString(4, keys.cipher().encrypt(fileName, TABLE + ".file_name"));
            insert.setString(5, mediaType);
            insert.setInt(6, content.length);
            insert.setString(7, keys.cipher().encrypt(Base64.getEncoder().encodeToString(content), TABLE + ".content"));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return document(row);
            }
        }
    }

    /** The review queue, oldest first (the partial index on pending documents serves it). */
    public List<KycDocument> pending(Connection connection, int offset, int limit) throws SQLException {
        return list(connection, "status = 'PENDING'", " OFFSET ? LIMIT ?", offset, limit);
    }

    public List<KycDocument> ofProfile(Connection connection, UUID profileId) throws SQLException {
        return list(connection, "profile_id = ?", "", profileId);
    }

    private List<KycDocument> list(Connection connection, String where, String page, Object... parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE "
                + where + " ORDER BY uploaded_at, id" + page)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<KycDocument> documents = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    documents.add(document(row));
                }
            }
            return documents;
        }
    }

    public Optional<KycDocument> find(Connection connection, UUID id, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(document(row)) : Optional.empty();
            }
        }
    }

    public byte[] content(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT content FROM " + TABLE + " WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Base64.getDecoder().decode(keys.cipher().decrypt(row.getString(1), TABLE + ".content"));
            }
        }
    }

    public void review(Connection connection, UUID id, KycDocument.Status status, String reason, UUID reviewerId)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET status = ?, reason = ?, "
                + "reviewed_by = ?, reviewed_at = now() WHERE id = ?")) {
            update.setString(1, status.name());
            update.setString(2, reason);
            update.setObject(3, reviewerId);
            update.setObject(4, id);
            update.executeUpdate();
        }
    }

    private KycDocument document(ResultSet row) throws SQLException {
        return new KycDocument(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                KycDocument.Kind.valueOf(row.getString(3)), keys.cipher().decrypt(row.getString(4), TABLE + ".file_name"),
                row.getString(5), row.getInt(6), KycDocument.Status.valueOf(row.getString(7)),
                Optional.ofNullable(row.getString(8)), row.getObject(9, OffsetDateTime.class).toInstant());
    }
}
