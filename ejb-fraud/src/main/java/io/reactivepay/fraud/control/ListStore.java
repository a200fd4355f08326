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
import java.util.Comparator;
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
        try (PreparedStatement select = connection.prepareStatement(MATCHES)) {
            bindMatches(select, 0, List.of(Map.of(kind, List.of(value))));
            try (ResultSet row = select.executeQuery()) {
                return matches(row, 1).get(0).stream().findFirst().map(e -> new ListMatch(e.id(), e.type(), e.kind()));
            }
        }
    }

    /**
     * The deciding entries of each request (by its index in the list bound), in one statement: an
     * exact match through the unique (kind, value) index, for an IP the longest matching range
     * through the GiST index. Bound by {@link #bindMatches}, read by {@link #matches(ResultSet, int)}.
     */
    static final String MATCHES = "SELECT q.i, e.id, e.list_type, e.kind, 0, e.skipped_rules, e.overrides_black "
            + "FROM unnest(?::int[], ?::text[], ?::text[]) AS q(i, kind, value) "
            + "JOIN fraud.list_entry e ON e.kind = q.kind AND e.value = q.value "
            + "UNION ALL SELECT q.i, e.id, e.list_type, e.kind, masklen(e.network), e.skipped_rules, e.overrides_black "
            + "FROM unnest(?::int[], ?::text[]::inet[]) AS q(i, ip) CROSS JOIN LATERAL (SELECT * FROM fraud.list_entry l "
            + "WHERE l.kind = 'IP' AND l.network >>= q.ip ORDER BY masklen(l.network) DESC, l.id LIMIT 1) e";

    /**
     * Binds {@link #MATCHES} from parameter {@code at + 1} to each request's normalised values (null
     * values are skipped; a malformed one is refused); returns the last parameter bound.
     */
    int bindMatches(PreparedStatement select, int at, List<Map<PartyKind, List<String>>> requests) throws SQLException {
        List<Integer> indexes = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Integer> ipIndexes = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            for (Map.Entry<PartyKind, List<String>> kind : requests.get(i).entrySet()) {
                for (String raw : kind.getValue()) {
                    if (raw == null) {
                        continue;
                    }
                    if (kind.getKey() == PartyKind.IP) {
                        ipIndexes.add(i);
                        ips.add(stored(PartyKind.IP, raw));
                    } else {
                        indexes.add(i);
                        kinds.add(kind.getKey().name());
                        values.add(stored(kind.getKey(), raw));
                    }
                }
            }
        }
        Connection connection = select.getConnection();
        select.setArray(at + 1, connection.createArrayOf("integer", indexes.toArray(Integer[]::new)));
        select.setArray(at + 2, connection.createArrayOf("text", kinds.toArray(String[]::new)));
        select.setArray(at + 3, connection.createArrayOf("text", values.toArray(String[]::new)));
        select.setArray(at + 4, connection.createArrayOf("integer", ipIndexes.toArray(Integer[]::new)));
        select.setArray(at + 5, connection.createArrayOf("text", ips.toArray(String[]::new)));
        return at + 5;
    }

    /** The entries {@link #MATCHES} found, per request index, each entry once. */
    static List<List<Entry>> matches(ResultSet row, int requests) throws SQLException {
        List<List<Entry>> entries = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            entries.add(new ArrayList<>());
        }
        while (row.next()) {
            List<Entry> ofRequest = entries.get(row.getInt(1));
            Entry entry = new Entry(row.getLong(2), ListType.valueOf(row.getString(3)), PartyKind.valueOf(row.getString(4)),
                    row.getInt(5), Set.of((String[]) row.getArray(6).getArray()), row.getBoolean(7));
            if (ofRequest.stream().noneMatch(e -> e.id() == entry.id())) {
                ofRequest.add(entry);
            }
        }
        for (List<Entry> ofRequest : entries) {
            ofRequest.sort(Comparator.comparing((Entry e) -> e.kind().name()).thenComparingLong(Entry::id));
        }
        return entries;
    }

    /** The form a value is stored and compared in: normalised, and hashed where it is personal data. */
    private String stored(PartyKind kind, String value) {
        String normal = PartyValues.normalise(kind, value);
        return kind == PartyKind.EMAIL || kind == PartyKind.PHONE ? hasher.hex("list." + kind, normal) : normal;
    }
}
