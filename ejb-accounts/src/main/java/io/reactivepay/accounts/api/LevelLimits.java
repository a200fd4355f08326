package io.reactivepay.accounts.api;

import io.reactivepay.platform.money.Money;

/** What a due-diligence level allows, from the system settings {@code kyc.<level>.*}. */
public record LevelLimits(KycLevel level, Money singlePayment, Money dailyTurnover, Money monthlyTurnover, Money balanceCap) {
}
