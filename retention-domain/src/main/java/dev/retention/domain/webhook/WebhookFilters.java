package dev.retention.domain.webhook;

import java.math.BigDecimal;

/**
 * What narrows a subscription's messages; null means no filter. {@code segment} applies to every message about a
 * customer; {@code minimumValueAtRisk} to {@code customer.at_risk}; {@code probabilityAliveBelow} is the threshold of
 * {@code customer.p_alive_below} and {@code churnRateAbove} (percent) that of {@code metric.threshold}, each required
 * by its kind.
 */
public record WebhookFilters(
        String segment, BigDecimal minimumValueAtRisk, Double probabilityAliveBelow, BigDecimal churnRateAbove) {

    public static final WebhookFilters NONE = new WebhookFilters(null, null, null, null);
}
