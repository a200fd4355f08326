package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.KycLevel;
import io.reactivepay.accounts.api.LevelLimits;
import io.reactivepay.accounts.api.LimitExceededException;
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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;

@Stateless
public class LimitsBean implements Limits {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Override
    public void authorise(UUID profileId, Money amount, OperationKind kind) {
        if (amount == null || amount.minorUnits() <= 0 || kind == null) {
            throw new AccountsException(AccountsException.INVALID_AMOUNT, "An operation needs a positive amount and a kind");
        }
        Jdbc.with(dataSource, "Checking a customer's limits", connection -> {
            KycLevel level = locked(connection, profileId);
            // after the lock, in a statement of its own: it must see the turnover of operations that held it
            Turnover.Checked checked = Turnover.totalsAndLimits(connection, profileId, amount.currency(), level);
            Turnover.Totals totals = checked.totals();
            Optional<String> exceeded = exceeded(checked.limits(), amount, totals);
            if (exceeded.isPresent()) {
                throw new LimitExceededException(exceeded.get(), level, lowestAbove(connection, level,
                        limits -> exceeded(limits, amount, totals).isEmpty()));
            }
            Turnover.record(connection, profileId, amount, kind);
            return null;
        });
    }

    @Override
    public void checkBalance(UUID profileId, Money balanceAfter) {
        Jdbc.with(dataSource, "Checking a wallet's balance cap", connection -> {
            KycLevel level = locked(connection, profileId);
            if (fits(balanceAfter, limits(connection, level).balanceCap())) {
                return null;
            }
            throw new LimitExceededException("balance cap", level, lowestAbove(connection, level,
                    limits -> fits(balanceAfter, limits.balanceCap())));
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
    private static KycLevel lowestAbove(Connection connection, KycLevel level, Predicate<LevelLimits> allows)
            throws SQLException {
        for (KycLevel higher : KycLevel.values()) {
            if (higher.compareTo(level) > 0 && allows.test(limits(connection, higher))) {
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
