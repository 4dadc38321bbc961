package dev.retention.domain.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One customer (of {@code segment}, null when it has none) with its net revenue (purchases − refunds) in each period
 * it had any, keyed by the period's first local date, and whether a period before those asked for had positive net
 * revenue.
 */
public record CustomerRevenueHistory(
        UUID customerId, String segment, Map<LocalDate, BigDecimal> revenueByPeriod, boolean positiveBefore) {

    public CustomerRevenueHistory {
        Objects.requireNonNull(customerId, "customerId");
        revenueByPeriod = Map.copyOf(revenueByPeriod);
    }

    /** The net revenue of the period starting on {@code periodStart}; zero when it had none. */
    public BigDecimal revenue(LocalDate periodStart) {
        return revenueByPeriod.getOrDefault(periodStart, BigDecimal.ZERO);
    }

    /** Whether a period that started before {@code periodStart} had positive net revenue. */
    public boolean positiveBefore(LocalDate periodStart) {
        return positiveBefore
                || revenueByPeriod.entrySet().stream()
                        .anyMatch(period -> period.getKey().isBefore(periodStart)
                                && period.getValue().signum() > 0);
    }
}
