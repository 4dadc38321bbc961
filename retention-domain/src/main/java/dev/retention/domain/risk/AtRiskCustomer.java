package dev.retention.domain.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * An active customer whose silence is longer than usual: its last purchase, the threshold it passed and why, and the
 * value at risk (its purchases less refunds over the 12 months before asOf). {@code medianGapDays} is null for a
 * one-time buyer, whose threshold comes from the repeat buyers of {@code thresholdSource} (a segment name, or null
 * for all customers). {@code probabilityAlive} comes from the current lifetime-value model, when one has scored it.
 */
public record AtRiskCustomer(
        UUID customerId,
        String externalId,
        String segment,
        Instant lastPurchaseAt,
        double daysSinceLastPurchase,
        int purchaseDays,
        Double medianGapDays,
        double thresholdDays,
        String thresholdSource,
        BigDecimal valueAtRisk,
        Double probabilityAlive) {

    public boolean oneTimeBuyer() {
        return medianGapDays == null;
    }

    /** Why the customer is on the list, in words. */
    public String reason() {
        if (!oneTimeBuyer()) {
            return String.format(
                    Locale.ROOT,
                    "No purchase for %.0f days; buys every %.0f days (median gap between "
                            + "purchase days), and %d times that is %.0f days.",
                    daysSinceLastPurchase,
                    medianGapDays,
                    AtRiskPolicy.GAP_MULTIPLIER,
                    thresholdDays);
        }
        return String.format(
                Locale.ROOT,
                "One purchase day, %.0f days ago; %.0f%% of the repeat buyers %s bought " + "again within %.0f days.",
                daysSinceLastPurchase,
                AtRiskPolicy.ONE_TIME_PERCENTILE * 100,
                thresholdSource == null ? "among all customers" : "of segment " + thresholdSource,
                thresholdDays);
    }
}
