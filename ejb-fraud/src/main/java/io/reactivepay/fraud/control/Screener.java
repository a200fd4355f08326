package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FiredRule;
import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.ListType;
import io.reactivepay.fraud.api.PartyKind;
import io.reactivepay.fraud.api.Rule;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.ScreeningRequest;
import io.reactivepay.fraud.api.Thresholds;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.fraud.api.VelocityKey;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One screening in four round trips at most: the stored decision (a repeat returns it), the list
 * entries, the velocity totals (only of the parties that applicable velocity rules count), and one
 * statement that stores the decision and counts the request. Lists come first: a black entry declines without evaluating rules, unless a white entry that
 * overrides black entries matches too; a white entry skips the rules it names (none named: all).
 */
@Dependent
public class Screener {

    private final RuleCache rules;
    private final ListStore lists;
    private final VelocityCounters velocity;
    private final ScreeningStore store;
    private final KeyHasher hasher;
    private final Clock clock;

    @Inject
    public Screener(RuleCache rules, ListStore lists, VelocityCounters velocity, ScreeningStore store, KeyHasher hasher) {
        this(rules, lists, velocity, store, hasher, Clock.systemUTC());
    }

    public Screener(RuleCache rules, ListStore lists, VelocityCounters velocity, ScreeningStore store, KeyHasher hasher,
                    Clock clock) {
        this.rules = rules;
        this.lists = lists;
        this.velocity = velocity;
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Decision screen(Connection connection, ScreeningRequest request) throws SQLException {
        Optional<Decision> earlier = store.find(connection, request.reference());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        Map<VelocityKey, String> parties = parties(request);
        List<VelocityCounters.Key> keys = new ArrayList<>();
        parties.forEach((dimension, value) -> keys.add(new VelocityCounters.Key(dimension, hasher.hash("velocity." + dimension, value))));
        RuleSet ruleSet = rules.rules(connection);

        List<FiredRule> fired = new ArrayList<>();
        List<ListStore.Entry> entries;
        try {
            entries = lists.matches(connection, listValues(request, parties));
        } catch (FraudException e) {
            throw new FraudException(FraudException.INVALID_REQUEST, e.getMessage());
        }
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
            List<Rule> applicable = ruleSet.rulesFor(request.merchantId()).stream()
                    .filter(rule -> !skipped.contains(rule.definition().key())).toList();
            Set<VelocityKey> counted = applicable.stream().filter(rule -> RuleValidator.isVelocity(rule.definition().kind()))
                    .map(rule -> rule.definition().velocityKey()).collect(Collectors.toSet());
            List<VelocityCounters.Key> read = keys.stream().filter(key -> counted.contains(key.dimension())).toList();
            VelocityCounters.Totals totals = velocity.read(connection, read, request.amount().currency().getCurrencyCode(), now);
            fired.addAll(RuleEvaluator.evaluate(applicable, request, parties, totals));
        }

        Decision decision = decide(request.reference(), fired, ruleSet.thresholdsFor(request.merchantId()), ruleSet.version());
        if (!store.insert(connection, request, decision, keys, now)) {
            throw new FraudException(FraudException.REFERENCE_CONFLICT, "Reference " + request.reference()
                    + " is being screened by another transaction");
        }
        return decision;
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
