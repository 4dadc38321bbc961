package dev.retention.domain.revenue;

import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One customer's subscription changes in the order they took effect (by time; at the same instant, the one recorded
 * last counts). From each change on, its amount is the customer's monthly recurring revenue, 0 when cancelled.
 */
public record CustomerSubscriptions(UUID customerId, String segment, List<Change> changes) {

    /** From {@code at} on, the customer pays {@code monthlyAmount} a month (in the reporting currency). */
    public record Change(Instant at, BigDecimal monthlyAmount) {

        public Change {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(monthlyAmount, "monthlyAmount");
        }
    }

    public CustomerSubscriptions {
        Objects.requireNonNull(customerId, "customerId");
        changes = List.copyOf(changes);
    }

    /** MRR(b): the amount of the latest change before {@code boundary}; 0 before the first change. */
    public BigDecimal mrrAt(Instant boundary) {
        BigDecimal mrr = BigDecimal.ZERO;
        for (Change change : changes) {
            if (!change.at().isBefore(boundary)) {
                break;
            }
            mrr = change.monthlyAmount();
        }
        return mrr;
    }

    /**
     * The values the revenue tally reads: for each period of {@code granularity} in {@code zone} from the one starting
     * on {@code firstPeriod} to those starting before {@code end}, the MRR at the period's end. A customer counts as
     * having had positive MRR from its first positive change on, even when it was cancelled before a period ended.
     */
    public CustomerRevenueHistory mrrHistory(Granularity granularity, ZoneId zone, LocalDate firstPeriod, Instant end) {
        Map<LocalDate, BigDecimal> mrrByPeriod = new HashMap<>();
        for (LocalDate period = firstPeriod;
                ReportingPeriods.midnight(period, zone).isBefore(end);
                period = granularity.next(period)) {
            BigDecimal mrr = mrrAt(ReportingPeriods.midnight(granularity.next(period), zone));
            if (mrr.signum() != 0) {
                mrrByPeriod.put(period, mrr);
            }
        }
        Instant firstPositive = changes.stream()
                .filter(change -> change.monthlyAmount().signum() > 0)
                .map(Change::at)
                .findFirst()
                .orElse(null);
        boolean positiveBefore =
                firstPositive != null && firstPositive.isBefore(ReportingPeriods.midnight(firstPeriod, zone));
        LocalDate firstPositivePeriod = firstPositive == null || positiveBefore
                ? null
                : granularity.periodStart(LocalDate.ofInstant(firstPositive, zone));
        return new CustomerRevenueHistory(customerId, segment, mrrByPeriod, positiveBefore, firstPositivePeriod);
    }
}
