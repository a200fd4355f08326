package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FiredRule;
import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.ListType;
import io.reactivepay.fraud.api.PartyKind;
import io.reactivepay.fraud.api.Rule;
import io.reactivepay.fraud.api.RuleDefinition;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.ScreeningRequest;
import io.reactivepay.fraud.api.Thresholds;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.fraud.api.VelocityKey;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Screens a batch of requests in request order, as if one by one, in two round trips whatever its
 * size: one that reads the stored decisions, the list entries, and counts the requests while reading
 * their velocity windows (see {@link VelocityCounters}: concurrent screenings of one party take
 * turns); one that stores the decisions and counts the declines. A reference screened before returns
 * its stored decision and counts nothing: what the first round trip counted for it is taken back (a
 * third round trip, for repeats only), so no statement depends on the screening table's statistics. A later request of the batch sees the earlier ones' counts.
 * Lists come first: a black entry declines without evaluating rules, unless a white entry that
 * overrides black entries matches too; a white entry skips the rules it names (none named: all).
 */
@Dependent
public class Screener {

    private static final String READ = ScreeningStore.FIND_MANY + "; " + ListStore.MATCHES + "; " + VelocityCounters.COUNT_AND_READ;

    private final RuleCache rules;
    private final ListStore lists;
    private final ScreeningStore store;
    private final KeyHasher hasher;
    private final Clock clock;

    @Inject
    public Screener(RuleCache rules, ListStore lists, ScreeningStore store, KeyHasher hasher) {
        this(rules, lists, store, hasher, Clock.systemUTC());
    }

    public Screener(RuleCache rules, ListStore lists, ScreeningStore store, KeyHasher hasher, Clock clock) {
        this.rules = rules;
        this.lists = lists;
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** What screening one request needs before the database is asked. */
    private record Prepared(ScreeningRequest request, Map<VelocityKey, String> parties, List<VelocityCounters.Key> keys,
                            List<Rule> rules) {

        String currency() {
            return request.amount().currency().getCurrencyCode();
        }
    }

    public List<Decision> screen(Connection connection, List<ScreeningRequest> requests) throws SQLException {
        Instant now = clock.instant();
        RuleSet ruleSet = rules.rules(connection);
        List<Prepared> prepared = new ArrayList<>();
        Map<String, Integer> first = new HashMap<>();
        List<VelocityCounters.Contribution> contributions = new ArrayList<>();
        Map<VelocityCounters.Key, Integer> reads = new LinkedHashMap<>();
        for (ScreeningRequest request : requests) {
            Map<VelocityKey, String> parties = parties(request);
            List<VelocityCounters.Key> keys = new ArrayList<>();
            parties.forEach((dimension, value) -> keys.add(new VelocityCounters.Key(dimension, hasher.hash("velocity." + dimension, value))));
            Prepared one = new Prepared(request, parties, keys, ruleSet.rulesFor(request.merchantId()));
            prepared.add(one);
            if (first.putIfAbsent(request.reference(), prepared.size() - 1) != null) {
                continue;
            }
            contributions.add(new VelocityCounters.Contribution(request.reference(), keys, one.currency(), request.amount().minorUnits()));
            for (Rule rule : one.rules()) {
                RuleDefinition definition = rule.definition();
                if (RuleValidator.isVelocity(definition.kind())) {
                    keys.stream().filter(key -> key.dimension() == definition.velocityKey())
                            .forEach(key -> reads.merge(key, definition.window().hours(), Math::max));
                }
            }
        }

        Map<String, Decision> earlier;
        List<List<ListStore.Entry>> entries;
        Map<VelocityCounters.Key, VelocityCounters.Tally> tallies;
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            int at = ScreeningStore.bindFind(read, 0, List.copyOf(first.keySet()));
            try {
                at = lists.bindMatches(read, at, prepared.stream().map(p -> listValues(p.request(), p.parties())).toList());
            } catch (FraudException e) {
                throw new FraudException(FraudException.INVALID_REQUEST, e.getMessage());
            }
            VelocityCounters.bindCountAndRead(read, at, contributions, reads.entrySet().stream()
                    .map(e -> new VelocityCounters.Read(e.getKey(), e.getValue())).toList(), now);
            read.execute();
            earlier = ScreeningStore.decisions(read.getResultSet());
            read.getMoreResults();
            entries = ListStore.matches(read.getResultSet(), prepared.size());
            read.getMoreResults();
            tallies = VelocityCounters.tallies(read.getResultSet());
        }

        // The windows include every request counted above; each request is decided on those before it.
        List<VelocityCounters.Contribution> repeats = new ArrayList<>();
        for (VelocityCounters.Contribution counted : contributions) {
            counted.keys().forEach(key -> tallies.get(key).add(-1, counted.currency(), -counted.amount(), 0));
            if (earlier.containsKey(counted.reference())) {
                repeats.add(counted);
            }
        }
        if (!repeats.isEmpty()) {
            VelocityCounters.uncount(connection, repeats, now);
        }
        List<Decision> decisions = new ArrayList<>();
        List<ScreeningStore.Screened> screened = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared one = prepared.get(i);
            String reference = one.request().reference();
            int firstAt = first.get(reference);
            if (earlier.containsKey(reference) || firstAt < i) {
                decisions.add(earlier.containsKey(reference) ? earlier.get(reference) : decisions.get(firstAt));
                continue;
            }
            List<FiredRule> fired = fired(one, entries.get(i), tallies);
            Decision decision = decide(reference, fired, ruleSet.thresholdsFor(one.request().merchantId()), ruleSet.version());
            int declined = decision.verdict() == Verdict.DECLINE ? 1 : 0;
            for (VelocityCounters.Key key : one.keys()) {
                tallies.get(key).add(1, one.currency(), one.request().amount().minorUnits(), declined);
            }
            decisions.add(decision);
            screened.add(new ScreeningStore.Screened(one.request(), decision, one.keys()));
        }
        if (!screened.isEmpty()) {
            List<String> taken = store.insertAll(connection, screened, now);
            if (!taken.isEmpty()) {
                throw new FraudException(FraudException.REFERENCE_CONFLICT, "Reference " + taken.get(0)
                        + " is being screened by another transaction");
            }
        }
        return decisions;
    }

    private static List<FiredRule> fired(Prepared one, List<ListStore.Entry> entries,
                                         Map<VelocityCounters.Key, VelocityCounters.Tally> tallies) {
        List<FiredRule> fired = new ArrayList<>();
        boolean blackOverridden = entries.stream().anyMatch(e -> e.type() == ListType.WHITE && e.overridesBlack());
        boolean skipAll = false;
        Set<String> skipped = new HashSet<>();
        for (ListStore.Entry entry : entries) {
            String key = "list." + entry.type().name().toLowerCase(Locale.ROOT) + "." + entry.kind().name().toLowerCase(Locale.ROOT);
            if (entry.type() == ListType.BLACK && !blackOverridden) {
                fired.add(new FiredRule(key, 0, RuleAction.DECLINE, 0, "black list entry " + entry.id()));
            } else if (entry.type() == ListType.WHITE) {
                skipAll |= entry.skippedRules().isEmpty();
                skipped.addAll(entry.skippedRules());
                fired.add(new FiredRule(key, 0, RuleAction.SCORE, 0, "white list entry " + entry.id() + " skips "
                        + (entry.skippedRules().isEmpty() ? "all rules" : String.join(", ", entry.skippedRules().stream().sorted().toList()))));
            }
        }
        boolean blackListed = fired.stream().anyMatch(f -> f.action() == RuleAction.DECLINE);
        if (!blackListed && !skipAll) {
            List<Rule> applicable = one.rules().stream().filter(rule -> !skipped.contains(rule.definition().key())).toList();
            Map<VelocityKey, VelocityCounters.Tally> windows = new EnumMap<>(VelocityKey.class);
            one.keys().forEach(key -> windows.put(key.dimension(), tallies.get(key)));
            fired.addAll(RuleEvaluator.evaluate(applicable, one.request(), one.parties(), windows));
        }
        return fired;
    }

    static Decision decide(String reference, List<FiredRule> fired, Thresholds thresholds, long ruleSet) {
        int score = 0;
        Verdict verdict = Verdict.ALLOW;
        for (FiredRule rule : fired) {
            score = Math.addExact(score, rule.score());
            Verdict forced = switch (rule.action()) {
                case SCORE -> Verdict.ALLOW;
                case REVIEW -> Verdict.REVIEW;
                case DECLINE -> Verdict.DECLINE;
            };
            verdict = max(verdict, forced);
        }
        Verdict byScore = score >= thresholds.declineAt() ? Verdict.DECLINE
                : score >= thresholds.reviewAt() ? Verdict.REVIEW : Verdict.ALLOW;
        return new Decision(reference, max(verdict, byScore), score, fired, ruleSet);
    }

    private static Verdict max(Verdict a, Verdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The request's parties in normal form, for velocity counters; bad values are refused. */
    private static Map<VelocityKey, String> parties(ScreeningRequest request) {
        Map<VelocityKey, String> parties = new EnumMap<>(VelocityKey.class);
        try {
            put(parties, VelocityKey.CARD, request.cardToken());
            put(parties, VelocityKey.EMAIL, request.email() == null ? null : PartyValues.normalise(PartyKind.EMAIL, request.email()));
            put(parties, VelocityKey.PHONE, request.phone() == null ? null : PartyValues.normalise(PartyKind.PHONE, request.phone()));
            put(parties, VelocityKey.IP, request.ip() == null ? null : PartyValues.literal(request.ip()).getHostAddress());
        } catch (FraudException e) {
            throw new FraudException(FraudException.INVALID_REQUEST, e.getMessage());
        }
        put(parties, VelocityKey.DEVICE, request.deviceId());
        put(parties, VelocityKey.WALLET, request.walletId());
        put(parties, VelocityKey.MERCHANT, request.merchantId());
        put(parties, VelocityKey.CUSTOMER, request.customerId());
        return parties;
    }

    private static void put(Map<VelocityKey, String> parties, VelocityKey key, String value) {
        if (value != null && !value.isBlank()) {
            parties.put(key, value);
        }
    }

    private static Map<PartyKind, List<String>> listValues(ScreeningRequest request, Map<VelocityKey, String> parties) {
        Map<PartyKind, List<String>> values = new EnumMap<>(PartyKind.class);
        values.put(PartyKind.CARD, Arrays.asList(request.cardFingerprint()));
        values.put(PartyKind.EMAIL, Arrays.asList(parties.get(VelocityKey.EMAIL)));
        values.put(PartyKind.PHONE, Arrays.asList(parties.get(VelocityKey.PHONE)));
        values.put(PartyKind.IP, Arrays.asList(parties.get(VelocityKey.IP)));
        values.put(PartyKind.BIN, Arrays.asList(request.bin()));
        values.put(PartyKind.COUNTRY, Arrays.asList(request.binCountry(), request.ipCountry()));
        values.put(PartyKind.WALLET, Arrays.asList(request.walletId()));
        return values;
    }
}
