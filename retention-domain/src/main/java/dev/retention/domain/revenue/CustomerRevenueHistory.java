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

    /**
     * The first period with positive net revenue among those asked for; null when none had any (see
     * {@link #positiveBefore()} for the periods before them).
     */
    public LocalDate firstPositivePeriod() {
        LocalDate first = null;
        for (Map.Entry<LocalDate, BigDecimal> period : revenueByPeriod.entrySet()) {
            if (period.getValue().signum() > 0
                    && (first == null || period.getKey().isBefore(first))) {
                first = period.getKey();
            }
        }
        return first;
    }
}
