package io.reactivepay.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Configuration of payouts and settlement ({@code reactivepay.payments.*}); defaults in platform's
 * microprofile-config.properties, repeated here so a missing file cannot change behaviour.
 */
@ApplicationScoped
public class SettlementConfig {

    private Duration settlementDelay;
    private LocalTime batchTime;
    private boolean autoPayout;
    private Path reportDirectory;
    private Duration payoutCheckInterval;
    private Duration jobInterval;

    protected SettlementConfig() {
        // for the CDI proxy
    }

    @Inject
    public SettlementConfig(
            @ConfigProperty(name = "reactivepay.payments.settlement-delay", defaultValue = "P1D") String settlementDelay,
            @ConfigProperty(name = "reactivepay.payments.settlement-batch-time", defaultValue = "02:00") String batchTime,
            @ConfigProperty(name = "reactivepay.payments.auto-payout", defaultValue = "true") boolean autoPayout,
            @ConfigProperty(name = "reactivepay.payments.settlement-report-dir", defaultValue = "data/settlements")
            String reportDirectory,
            @ConfigProperty(name = "reactivepay.payments.payout-check-interval", defaultValue = "PT5M")
            String payoutCheckInterval,
            @ConfigProperty(name = "reactivepay.payments.job-interval", defaultValue = "PT1M") String jobInterval) {
        this(duration("settlement-delay", settlementDelay), time(batchTime), autoPayout, Path.of(reportDirectory),
                duration("payout-check-interval", payoutCheckInterval), duration("job-interval", jobInterval));
    }

    public SettlementConfig(Duration settlementDelay, LocalTime batchTime, boolean autoPayout, Path reportDirectory,
                            Duration payoutCheckInterval, Duration jobInterval) {
        if (settlementDelay.isNegative() || payoutCheckInterval.isNegative() || payoutCheckInterval.isZero()
                || jobInterval.isNegative() || jobInterval.isZero()) {
            throw new IllegalArgumentException("reactivepay.payments: delays must not be negative, intervals positive");
        }
        this.settlementDelay = settlementDelay;
        this.batchTime = batchTime;
        this.autoPayout = autoPayout;
        this.reportDirectory = reportDirectory;
        this.payoutCheckInterval = payoutCheckInterval;
        this.jobInterval = jobInterval;
    }

    /** How old a posting on a pending account must be at the batch time to be settled. */
    public Duration settlementDelay() {
        return settlementDelay;
    }

    /** When (UTC) the daily settlement batch runs. */
    public LocalTime batchTime() {
        return batchTime;
    }

    /** Whether a settlement pays its net out at once to a merchant with a bank account. */
    public boolean autoPayout() {
        return autoPayout;
    }

    /** Where the CSV report of each day's batch is written. */
    public Path reportDirectory() {
        return reportDirectory;
    }

    /** How long a pending payout waits between two status queries to the bank. */
    public Duration payoutCheckInterval() {
        return payoutCheckInterval;
    }

    /** How often the payout reconciliation and the settlement check run. */
    public Duration jobInterval() {
        return jobInterval;
    }

    private static Duration duration(String key, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("reactivepay.payments." + key + " is not an ISO-8601 duration: " + value, e);
        }
    }

    private static LocalTime time(String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("reactivepay.payments.settlement-batch-time is not HH:mm: " + value, e);
        }
    }
}
