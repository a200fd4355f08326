package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.ListEntryRequest;
import io.reactivepay.fraud.api.ListMatch;
import io.reactivepay.fraud.api.ListType;
import io.reactivepay.fraud.api.PartyKind;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The black and white lists in {@code fraud.list_entry}. E-mails and phones are stored as keyed
 * hashes; an IP entry is a network matched with {@code >>=}. For each kind the most specific entry
 * decides (the longest IP prefix; other kinds hold one entry per value).
 */
@Dependent
public class ListStore {

    /** A matching entry as screening needs it. */
    public record Entry(long id, ListType type, PartyKind kind, int prefix, Set<String> skippedRules,
                        boolean overridesBlack) {
    }

    /** IP ranges of one request compete (the longest prefix decides); other kinds decide per value. */
    private static final String PER_VALUE = "CASE WHEN kind = 'IP' THEN '' ELSE value END";

    private final KeyHasher hasher;

    @Inject
    public ListStore(KeyHasher hasher) {
        this.hasher = hasher;
    }

    public long add(Connection connection, ListEntryRequest request, String actor) throws SQLException {
        String value = stored(request.kind(), request.value());
        String sql = "INSERT INTO fraud.list_entry (list_type, kind, value, reason, network, skipped_rules, overrides_black, "
                + "created_by) VALUES (?, ?, ?, ?, ?::cidr, ?, ?, ?) ON CONFLICT (kind, value) DO NOTHING RETURNING id";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, request.type().name());
            insert.setString(2, request.kind().name());
            insert.setString(3, value);
            insert.setString(4, request.reason());
            insert.setString(5, request.kind() == PartyKind.IP ? value : null);
            insert.setArray(6, connection.createArrayOf("text", request.skippedRules().toArray(String[]::new)));
            insert.setBoolean(7, request.overridesBlack());
            insert.setString(8, actor);
            try (ResultSet row = insert.executeQuery()) {
                if (!row.next()) {
                    throw new FraudException(FraudException.LIST_ENTRY_EXISTS, request.kind() + " value is already listed");
                }
                return row.getLong(1);
            }
        }
    }

    public boolean remove(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM fraud.list_entry WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    public Optional<ListMatch> lookup(Connection connection, PartyKind kind, String value) throws SQLException {
        return matches(connection, Map.of(kind, List.of(value))).stream().findFirst()
                .map(e -> new ListMatch(e.id(), e.type(), e.kind()));
    }

    /** The deciding entry of each kind among the given normalised values (null values are skipped). */
    public List<Entry> matches(Connection connection, Map<PartyKind, List<String>> values) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<String> parameters = new ArrayList<>();
        values.forEach((kind, list) -> {
            for (String raw : list) {
                if (raw == null) {
                    continue;
                }
                where.append(where.isEmpty() ? "" : " OR ")
                        .append(kind == PartyKind.IP ? "(kind = 'IP' AND network >>= ?::inet)" : "(kind = '" + kind.name() + "' AND value = ?)");
                parameters.add(stored(kind, raw));
            }
        });
        if (where.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT DISTINCT ON (kind, " + PER_VALUE + ") id, list_type, kind, coalesce(masklen(network), 0), skipped_rules, overrides_black "
                + "FROM fraud.list_entry WHERE " + where + " ORDER BY kind, " + PER_VALUE + ", masklen(network) DESC NULLS LAST, id";
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new Entry(row.getLong(1), ListType.valueOf(row.getString(2)), PartyKind.valueOf(row.getString(3)),
                            row.getInt(4), Set.of((String[]) row.getArray(5).getArray()), row.getBoolean(6)));
                }
            }
        }
        return entries;
    }

    /** The form a value is stored and compared in: normalised, and hashed where it is personal data. */
    private String stored(PartyKind kind, String value) {
        String normal = PartyValues.normalise(kind, value);
        return kind == PartyKind.EMAIL || kind == PartyKind.PHONE ? hasher.hex("list." + kind, normal) : normal;
    }
}
