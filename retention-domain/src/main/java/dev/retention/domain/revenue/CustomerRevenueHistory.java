package dev.retention.domain.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One customer (of {@code segment}, null when it has none) with its value in each period it had any, keyed by the
 * period's first local date: net revenue (purchases − refunds) in the period, or MRR at the period's end. Whether it
 * had a positive value before: {@code positiveBefore} for the time before the periods asked for, and
 * {@code firstPositivePeriod} among them (null when none).
 */
public record CustomerRevenueHistory(
        UUID customerId,
        String segment,
        Map<LocalDate, BigDecimal> revenueByPeriod,
        boolean positiveBefore,
        LocalDate firstPositivePeriod) {

    public CustomerRevenueHistory {
        Objects.requireNonNull(customerId, "customerId");
        revenueByPeriod = Map.copyOf(revenueByPeriod);
    }

    /** Net revenue per period: the first positive period is the first with positive net revenue. */
    public CustomerRevenueHistory(
            UUID customerId, String segment, Map<LocalDate, BigDecimal> revenueByPeriod, boolean positiveBefore) {
        this(customerId, segment, revenueByPeriod, positiveBefore, firstPositive(revenueByPeriod));
    }

    /** The value of the period starting on {@code periodStart}; zero when it had none. */
    public BigDecimal revenue(LocalDate periodStart) {
        return revenueByPeriod.getOrDefault(periodStart, BigDecimal.ZERO);
    }

    private static LocalDate firstPositive(Map<LocalDate, BigDecimal> revenueByPeriod) {
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
