package io.reactivepay.payments.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The payments module's configuration ({@code reactivepay.payments.*}). Every key has a default that
 * works on the embedded default; fee amounts are minor units of the payment's currency.
 */
@Dependent
public class PaymentsConfig {

    private final URI checkoutBaseUrl;
    private final RatePlan defaultPlan;
    private final Duration authorisationTtl;
    private final Duration resolveAfter;
    private final long chargebackFeeMinor;
    private final int groupCommitWriters;
    private final int groupCommitMaxBatch;
    private final Duration challengeTtl;
    private final Duration receiptRetention;

    @Inject
    public PaymentsConfig(
            @ConfigProperty(name = "reactivepay.payments.checkout-base-url", defaultValue = "http://localhost:8080/checkout")
            String checkoutBaseUrl,
            @ConfigProperty(name = "reactivepay.payments.fee.percent", defaultValue = "1.4") BigDecimal feePercent,
            @ConfigProperty(name = "reactivepay.payments.fee.fixed-minor", defaultValue = "25") long feeFixedMinor,
            @ConfigProperty(name = "reactivepay.payments.fee.minimum-minor", defaultValue = "0") long feeMinimumMinor,
            @ConfigProperty(name = "reactivepay.payments.fee.maximum-minor", defaultValue = "0") long feeMaximumMinor,
            @ConfigProperty(name = "reactivepay.payments.authorisation-ttl-minutes", defaultValue = "10080")
            long authorisationTtlMinutes,
            @ConfigProperty(name = "reactivepay.payments.resolve-after-seconds", defaultValue = "30")
            long resolveAfterSeconds,
            @ConfigProperty(name = "reactivepay.payments.chargeback-fee-minor", defaultValue = "1500")
            long chargebackFeeMinor,
            @ConfigProperty(name = "reactivepay.payments.group-commit.writers", defaultValue = "2") int groupCommitWriters,
            @ConfigProperty(name = "reactivepay.payments.group-commit.max-batch", defaultValue = "200")
            int groupCommitMaxBatch,
            @ConfigProperty(name = "reactivepay.payments.challenge-ttl-minutes", defaultValue = "60")
            long challengeTtlMinutes,
            @ConfigProperty(name = "reactivepay.payments.receipt-retention-days", defaultValue = "30")
            int receiptRetentionDays) {
        this.checkoutBaseUrl = URI.create(checkoutBaseUrl.endsWith("/") ? checkoutBaseUrl : checkoutBaseUrl + "/");
        this.defaultPlan = new RatePlan(feePercent, feeFixedMinor, feeMinimumMinor,
                feeMaximumMinor > 0 ? java.util.OptionalLong.of(feeMaximumMinor) : java.util.OptionalLong.empty());
        this.authorisationTtl = Duration.ofMinutes(authorisationTtlMinutes);
        this.resolveAfter = Duration.ofSeconds(resolveAfterSeconds);
        this.chargebackFeeMinor = chargebackFeeMinor;
        this.groupCommitWriters = groupCommitWriters;
        this.groupCommitMaxBatch = groupCommitMaxBatch;
        this.challengeTtl = Duration.ofMinutes(challengeTtlMinutes);
        if (receiptRetentionDays < 7) {
            throw new IllegalArgumentException("reactivepay.payments.receipt-retention-days is " + receiptRetentionDays
                    + ": a merchant may retry a call with its idempotency key for 7 days at least");
        }
        this.receiptRetention = Duration.ofDays(receiptRetentionDays);
    }

    /** How long a call's answer is kept under its idempotency key (at least 7 days). */
    public Duration receiptRetention() {
        return receiptRetention;
    }

    /** How long a customer has for a 3-D Secure challenge before the payment fails. */
    public Duration challengeTtl() {
        return challengeTtl;
    }

    /** Writer threads of the wallet payments' group commit; 0 turns it off (one transaction per payment). */
    public int groupCommitWriters() {
        return groupCommitWriters;
    }

    public int groupCommitMaxBatch() {
        return groupCommitMaxBatch;
    }

    public URI checkoutUrl(String clientToken) {
        return checkoutBaseUrl.resolve("pay/" + clientToken);
    }

    /** The plan of a merchant, method and currency that has no row in {@code payments.rate_plan}. */
    public RatePlan defaultPlan() {
        return defaultPlan;
    }

    /** How long an authorisation may wait for its capture before it expires. */
    public Duration authorisationTtl() {
        return authorisationTtl;
    }

    /** How long an unknown outcome waits before the resolver asks the acquirer (and between two asks). */
    public Duration resolveAfter() {
        return resolveAfter;
    }

    public long chargebackFeeMinor() {
        return chargebackFeeMinor;
    }
}
