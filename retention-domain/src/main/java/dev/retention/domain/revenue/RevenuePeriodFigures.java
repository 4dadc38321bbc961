package dev.retention.domain.revenue;

import dev.retention.domain.metrics.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The revenue figures of one period P against its compared period P'. Amounts are rounded to 4 decimals, half-even.
 *
 * @param revenue Σ r(c, P): net revenue of everybody in P
 * @param positiveRevenue Σ max(r(c, P), 0)
 * @param positiveCustomers the customers with r(c, P) > 0
 * @param refundsBeyondRevenue Σ min(r(c, P), 0), so that revenue = positiveRevenue + refundsBeyondRevenue
 * @param comparedPositiveRevenue Σ max(r(c, P'), 0)
 * @param baseCustomers the customers B with r(c, P') > 0
 * @param baseRevenue Σ over B of r(c, P')
 * @param netRetainedRevenue Σ over B of max(r(c, P), 0)
 * @param grossRetainedRevenue Σ over B of min(max(r(c, P), 0), r(c, P'))
 * @param nrr netRetainedRevenue / baseRevenue × 100; null when B is empty
 * @param grr grossRetainedRevenue / baseRevenue × 100; null when B is empty
 * @param movements from P' to P per kind, when P' is the period before P; empty otherwise
 * @param quickRatio (new + expansion + reactivated) / (contraction + churned); null without movements or when
 *     nothing was lost
 */
public record RevenuePeriodFigures(
        ReportingPeriod period,
        LocalDate comparedStart,
        BigDecimal revenue,
        BigDecimal positiveRevenue,
        long positiveCustomers,
        BigDecimal refundsBeyondRevenue,
        BigDecimal comparedPositiveRevenue,
        long baseCustomers,
        BigDecimal baseRevenue,
        BigDecimal netRetainedRevenue,
        BigDecimal grossRetainedRevenue,
        BigDecimal nrr,
        BigDecimal grr,
        Map<RevenueMovement, Movement> movements,
        BigDecimal quickRatio) {

    /** How many customers moved this way, and by how much in total. */
    public record Movement(long customers, BigDecimal amount) {}

    public RevenuePeriodFigures {
        movements = Map.copyOf(movements);
    }
}
