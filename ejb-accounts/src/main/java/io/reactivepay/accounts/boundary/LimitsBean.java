package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.KycLevel;
import io.reactivepay.accounts.api.LevelLimits;
import io.reactivepay.accounts.api.LimitExceededException;
import io.reactivepay.accounts.api.LimitedOperation;
import io.reactivepay.accounts.api.Limits;
import io.reactivepay.accounts.api.OperationKind;
import io.reactivepay.accounts.control.KycLevels;
import io.reactivepay.accounts.control.SettingStore;
import io.reactivepay.accounts.control.Turnover;
import io.reactivepay.platform.money.Money;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;

@Stateless
public class LimitsBean implements Limits {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Override
    public void authorise(UUID profileId, Money amount, OperationKind kind) {
        Optional<AccountsException> refusal = authoriseAll(List.of(new LimitedOperation(profileId, amount, kind))).get(0);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    @Override
    public List<Optional<AccountsException>> authoriseAll(List<LimitedOperation> operations) {
        List<Optional<AccountsException>> outcomes = new ArrayList<>(operations.size());
        List<LimitedOperation> valid = new ArrayList<>();
        for (LimitedOperation operation : operations) {
            if (operation == null || operation.profileId() == null || operation.amount() == null
                    || operation.amount().minorUnits() <= 0 || operation.kind() == null) {
                outcomes.add(Optional.of(new AccountsException(AccountsException.INVALID_AMOUNT,
                        "An operation needs a customer, a positive amount and a kind")));
            } else {
                outcomes.add(Optional.empty());
                valid.add(operation);
            }
        }
        if (valid.isEmpty()) {
            return outcomes;
        }
        return Jdbc.with(dataSource, "Checking customers' limits", connection -> {
            Map<UUID, KycLevel> levels = KycLevels.lockAll(connection, valid.stream().map(LimitedOperation::profileId).toList());
            // after the locks, in a statement of its own: it must see the turnover of operations that held them
            Turnover.Checked checked = Turnover.totalsAndLimits(connection, valid.stream()
                    .map(o -> new Turnover.Key(o.profileId(), o.amount().currency())).collect(Collectors.toSet()));
            Map<Turnover.Key, Turnover.Totals> running = new HashMap<>(checked.totals());
            List<LimitedOperation> allowed = new ArrayList<>();
            for (int i = 0; i < operations.size(); i++) {
                LimitedOperation operation = operations.get(i);
                if (outcomes.get(i).isPresent()) {
                    continue;
                }
                try {
                    KycLevel level = levels.get(operation.profileId());
                    if (level == null) {
                        throw new AccountsException(AccountsException.PROFILE_NOT_FOUND, "No profile " + operation.profileId());
                    }
                    Turnover.Key key = new Turnover.Key(operation.profileId(), operation.amount().currency());
                    Turnover.Totals totals = running.get(key);
                    Money amount = operation.amount();
                    Optional<String> exceeded = exceeded(checked.limits().get(level), amount, totals);
                    if (exceeded.isPresent()) {
                        throw new LimitExceededException(exceeded.get(), level, lowestAbove(checked.limits(), level,
                                limits -> exceeded(limits, amount, totals).isEmpty()));
                    }
                    running.put(key, new Turnover.Totals(totals.today().plus(amount), totals.month().plus(amount)));
                    allowed.add(operation);
                } catch (AccountsException refusal) {
                    outcomes.set(i, Optional.of(refusal));
                }
            }
            if (!allowed.isEmpty()) {
                Turnover.recordAll(connection, allowed);
            }
            return outcomes;
        });
    }

    @Override
    public void checkBalance(UUID profileId, Money balanceAfter) {
        Jdbc.with(dataSource, "Checking a wallet's balance cap", connection -> {
            KycLevel level = locked(connection, profileId);
            Map<KycLevel, LevelLimits> limits = Turnover.totalsAndLimits(connection, List.of()).limits();
            if (fits(balanceAfter, limits.get(level).balanceCap())) {
                return null;
            }
            throw new LimitExceededException("balance cap", level, lowestAbove(limits, level,
                    higher -> fits(balanceAfter, higher.balanceCap())));
        });
    }

    @Override
    public LevelLimits limits(KycLevel level) {
        return Jdbc.with(dataSource, "Reading limits", connection -> limits(connection, level));
    }

    private static KycLevel locked(Connection connection, UUID profileId) throws SQLException {
        return KycLevels.lock(connection, profileId).orElseThrow(() ->
                new AccountsException(AccountsException.PROFILE_NOT_FOUND, "No profile " + profileId));
    }

    /** The lowest level above {@code level} whose limits allow the operation; null if none does. */
    private static KycLevel lowestAbove(Map<KycLevel, LevelLimits> limits, KycLevel level, Predicate<LevelLimits> allows) {
        for (KycLevel higher : KycLevel.values()) {
            if (higher.compareTo(level) > 0 && allows.test(limits.get(higher))) {
                return higher;
            }
        }
        return null;
    }

    private static LevelLimits limits(Connection connection, KycLevel level) throws SQLException {
        String prefix = "kyc." + level.name().toLowerCase(Locale.ROOT) + ".";
        return new LevelLimits(level, SettingStore.money(connection, prefix + "single-payment"),
                SettingStore.money(connection, prefix + "daily-turnover"),
                SettingStore.money(connection, prefix + "monthly-turnover"),
                SettingStore.money(connection, prefix + "balance-cap"));
    }

    private static Optional<String> exceeded(LevelLimits limits, Money amount, Turnover.Totals totals) {
        if (!fits(amount, limits.singlePayment())) {
            return Optional.of("single payment");
        }
        if (!fits(totals.today().plus(amount), limits.dailyTurnover())) {
            return Optional.of("daily turnover");
        }
        if (!fits(totals.month().plus(amount), limits.monthlyTurnover())) {
            return Optional.of("monthly turnover");
        }
        return Optional.empty();
    }

    /** Limits are set in one currency; converting needs rates this module does not have. */
    private static boolean fits(Money amount, Money limit) {
        if (!amount.currency().equals(limit.currency())) {
            throw new AccountsException(AccountsException.CURRENCY_NOT_SUPPORTED,
                    "Limits are set in " + limit.currency() + ", not " + amount.currency());
        }
        return amount.minorUnits() <= limit.minorUnits();
    }
}
