package io.reactivepay.accounts.control;

import io.reactivepay.platform.crypto.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every encrypted column of the {@code accounts} schema with the context its values are bound to, and
 * the re-encryption of values under an old key. A new encrypted column must be listed here, or its
 * values keep their old key (and the dump test does not know to look for it).
 */
public final class EncryptedColumns {

    public record Column(String name, String context) {
    }

    /** A table with a {@code uuid id}; {@code batchSize} rows are re-encrypted per transaction. */
    public record Table(String name, int batchSize, List<Column> columns) {
    }

    public static final List<Table> ALL = List.of(
            new Table(ProfileStore.TABLE, 200, List.of(column(ProfileStore.TABLE, "email"), column(ProfileStore.TABLE, "phone"),
                    column(ProfileStore.TABLE, "name"), column(ProfileStore.TABLE, "birth_date"),
                    column(ProfileStore.TABLE, "address"))),
            // documents are up to 5 MB each: few per transaction
            new Table(DocumentStore.TABLE, 5, List.of(column(DocumentStore.TABLE, "file_name"),
                    column(DocumentStore.TABLE, "content"))),
            new Table("accounts.merchant", 200, List.of(new Column("iban", MerchantStore.IBAN),
                    new Column("webhook_secret", MerchantStore.WEBHOOK_SECRET),
                    new Column("webhook_previous_secret", MerchantStore.WEBHOOK_SECRET))),
            new Table("accounts.staff_user", 200, List.of(new Column("totp_secret", Totp.SECRET_CONTEXT))));

    private EncryptedColumns() {
    }

    private static Column column(String table, String name) {
        return new Column(name, table + "." + name);
    }

    /**
     * Re-encrypts up to a batch of the table's rows that hold a value under another key than the
     * current one. Rows locked by another transaction (another instance's batch, a user's change) are
     * skipped, not waited for; they are found again by a later batch.
     *
     * @return the number of rows re-encrypted
     */
    public static int rotate(Connection connection, Table table, FieldCipher cipher) throws SQLException {
        String current = "v" + cipher.currentKeyId() + ":%";
        String columns = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
        String stale = table.columns().stream().map(column -> column.name() + " NOT LIKE ?").collect(Collectors.joining(" OR "));
        String assignments = table.columns().stream().map(column -> column.name() + " = ?").collect(Collectors.joining(", "));
        int rotated = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, " + columns + " FROM " + table.name()
                + " WHERE " + stale + " LIMIT ? FOR NO KEY UPDATE SKIP LOCKED");
             PreparedStatement update = connection.prepareStatement("UPDATE " + table.name() + " SET " + assignments
                     + " WHERE id = ?")) {
            int parameter = 1;
            for (int i = 0; i < table.columns().size(); i++) {
                select.setString(parameter++, current);
            }
            select.setInt(parameter, table.batchSize());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    for (int i = 0; i < table.columns().size(); i++) {
                        String stored = row.getString(i + 2);
                        String context = table.columns().get(i).context();
                        update.setString(i + 1, stored == null || !cipher.needsRotation(stored) ? stored
                                : cipher.encrypt(cipher.decrypt(stored, context), context));
                    }
                    update.setObject(table.columns().size() + 1, row.getObject(1, UUID.class));
                    update.executeUpdate();
                    rotated++;
                }
            }
        }
        return rotated;
    }
}
