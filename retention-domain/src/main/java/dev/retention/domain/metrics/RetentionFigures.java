package dev.retention.domain.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The figures of one period, or of a whole range. Counts are exact; rates (percent) and money are rounded half-even
 * to 4 decimals. A ratio whose denominator is 0 is null, and {@code undefined} says why.
 *
 * @param startCustomers S, customers active at the start
 * @param endCustomers E, customers active at the end
 * @param newCustomers N, customers whose first acquisition lies in the period
 * @param retained customers active at both the start and the end
 * @param churned S - retained
 * @param reactivated customers active at the end that were neither active at the start nor new
 */
public record RetentionFigures(
        LocalDate startDate,
        LocalDate endDate,
        Instant start,
        Instant end,
        boolean complete,
        long startCustomers,
        long endCustomers,
        long newCustomers,
        long retained,
        long churned,
        long reactivated,
        BigDecimal crr,
        BigDecimal churnRate,
        BigDecimal strictRetentionRate,
        BigDecimal revenue,
        BigDecimal arpu,
        BigDecimal clv,
        Map<String, String> undefined) {

    public RetentionFigures {
        undefined = Map.copyOf(undefined);
    }
}
