package io.reactivepay.vault.control;

import io.reactivepay.platform.crypto.FieldCipher;
import io.reactivepay.vault.api.StoredCard;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code vault.card} table. The number is encrypted with its token as associated data: a value
 * copied to another row does not decrypt.
 */
@Dependent
public class CardStore {

    public StoredCard insert(Connection connection, FieldCipher cipher, String number, YearMonth expiry)
            throws SQLException {
        StoredCard card = new StoredCard(UUID.randomUUID(), number.substring(0, 6),
                number.substring(number.length() - 4), expiry);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO vault.card (token, number_encrypted, "
                + "bin, last_four, expiry_month, expiry_year) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, card.token());
            insert.setString(2, cipher.encrypt(number, context(card.token())));
            insert.setString(3, card.bin());
            insert.setString(4, card.lastFour());
            insert.setInt(5, expiry.getMonthValue());
            insert.setInt(6, expiry.getYear());
            insert.executeUpdate();
        }
        return card;
    }

    public Optional<StoredCard> find(Connection connection, UUID token) throws SQLException {
        return select(connection, token).map(Stored::card);
    }

    /** The card and its number, decrypted for one call to the acquirer. */
    public Optional<Row> findWithNumber(Connection connection, FieldCipher cipher, UUID token) throws SQLException {
        return select(connection, token).map(stored -> new Row(stored.card(),
                cipher.decrypt(stored.encryptedNumber(), context(token))));
    }

    /** A card with its number in clear; never leaves the vault, never printed. */
    public record Row(StoredCard card, String number) {
        @Override
        public String toString() {
            return "Row[" + card + "]";
        }
    }

    private record Stored(StoredCard card, String encryptedNumber) {
    }

    private static Optional<Stored> select(Connection connection, UUID token) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT number_encrypted, bin, last_four, "
                + "expiry_month, expiry_year FROM vault.card WHERE token = ?")) {
            select.setObject(1, token);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(new StoredCard(token, row.getString(2), row.getString(3),
                        YearMonth.of(row.getInt(5), row.getInt(4))), row.getString(1)));
            }
        }
    }

    private static String context(UUID token) {
        return "vault.card.number:" + token;
    }
}
