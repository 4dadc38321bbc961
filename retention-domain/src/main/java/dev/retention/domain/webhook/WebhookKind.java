package dev.retention.domain.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook tells a receiver about; {@link #value()} is the message's {@code type}. */
public enum WebhookKind {
    CUSTOMER_AT_RISK("customer.at_risk", "A customer entered the at-risk list (found by the scan)."),
    CUSTOMER_CHURNED("customer.churned", "A CHURNED event was recorded for a customer."),
    CUSTOMER_REACTIVATED("customer.reactivated", "A REACTIVATED event was recorded for a customer."),
    CUSTOMER_P_ALIVE_BELOW(
            "customer.p_alive_below",
            "A new lifetime-value model puts a customer's P(alive) below the subscription's threshold, where the "
                    + "previous model of the segment had it at or above (or had no prediction)."),
    LOYALTY_TIER_CHANGED("loyalty.tier_changed", "A loyalty member moved to another tier, up or down."),
    LOYALTY_POINTS_EXPIRING(
            "loyalty.points_expiring", "A lot of points expires within the configured days (found by the scan)."),
    STRATEGY_VERDICT(
            "strategy.verdict",
            "A strategy's effect became significant, positive or negative, or changed its verdict (found by the scan)."),
    METRIC_THRESHOLD(
            "metric.threshold",
            "The churn rate of the latest complete month rose above the subscription's threshold (found by the scan).");

    private final String value;
    private final String meaning;

    WebhookKind(String value, String meaning) {
        this.value = value;
        this.meaning = meaning;
    }

    /** The kind as receivers see it, such as {@code customer.churned}. */
    public String value() {
        return value;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<WebhookKind> fromValue(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
    }
}
