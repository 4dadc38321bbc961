package dev.retention.domain.revenue;

import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.shared.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Adds customers' revenue histories up into the figures of each period; see {@link RevenuePeriodFigures}. */
final class RevenueRetentionTally {

    private final ReportingPeriods periods;
    private final RevenueComparison compareTo;
    private final List<LocalDate> comparedStarts = new ArrayList<>();
    private final List<PeriodSums> sums = new ArrayList<>();

    private static final class PeriodSums {
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal positiveRevenue = BigDecimal.ZERO;
        long positiveCustomers;
        BigDecimal refundsBeyondRevenue = BigDecimal.ZERO;
        BigDecimal comparedPositiveRevenue = BigDecimal.ZERO;
        long baseCustomers;
        BigDecimal baseRevenue = BigDecimal.ZERO;
        BigDecimal netRetained = BigDecimal.ZERO;
        BigDecimal grossRetained = BigDecimal.ZERO;
        final Map<RevenueMovement, Long> movementCounts = new EnumMap<>(RevenueMovement.class);
        final Map<RevenueMovement, BigDecimal> movementAmounts = new EnumMap<>(RevenueMovement.class);
    }

    RevenueRetentionTally(ReportingPeriods periods, RevenueComparison compareTo) {
        this.periods = periods;
        this.compareTo = compareTo;
        for (int i = 0; i < periods.size(); i++) {
            comparedStarts.add(compareTo.comparedStart(periods.get(i).startDate(), periods.granularity()));
            sums.add(new PeriodSums());
        }
    }

    void add(CustomerRevenueHistory history) {
        LocalDate firstPositive = history.firstPositivePeriod();
        for (int i = 0; i < periods.size(); i++) {
            BigDecimal current = history.revenue(periods.get(i).startDate());
            BigDecimal previous = history.revenue(comparedStarts.get(i));
            if (current.signum() == 0 && previous.signum() == 0) {
                continue;
            }
            PeriodSums period = sums.get(i);
            BigDecimal currentPositive = RevenueMovement.positivePart(current);
            period.revenue = period.revenue.add(current);
            period.positiveRevenue = period.positiveRevenue.add(currentPositive);
            if (currentPositive.signum() > 0) {
                period.positiveCustomers++;
            }
            period.refundsBeyondRevenue = period.refundsBeyondRevenue.add(current.min(BigDecimal.ZERO));
            period.comparedPositiveRevenue = period.comparedPositiveRevenue.add(RevenueMovement.positivePart(previous));
            if (previous.signum() > 0) {
                period.baseCustomers++;
                period.baseRevenue = period.baseRevenue.add(previous);
                period.netRetained = period.netRetained.add(currentPositive);
                period.grossRetained = period.grossRetained.add(currentPositive.min(previous));
            }
            if (compareTo == RevenueComparison.PREVIOUS) {
                // A positive value before P: before the periods asked for, or among them. For net revenue, P' had
                // none when this decides, so this is the same as positive revenue before P'.
                boolean positiveBefore = history.positiveBefore()
                        || (firstPositive != null
                                && firstPositive.isBefore(periods.get(i).startDate()));
                RevenueMovement movement = RevenueMovement.of(previous, current, positiveBefore);
                if (movement != null) {
                    period.movementCounts.merge(movement, 1L, Long::sum);
                    period.movementAmounts.merge(movement, movement.amount(previous, current), BigDecimal::add);
                }
            }
        }
    }

    List<RevenuePeriodFigures> figures() {
        List<RevenuePeriodFigures> figures = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            PeriodSums period = sums.get(i);
            Map<RevenueMovement, RevenuePeriodFigures.Movement> movements = new EnumMap<>(RevenueMovement.class);
            BigDecimal quickRatio = null;
            if (compareTo == RevenueComparison.PREVIOUS) {
                for (RevenueMovement movement : RevenueMovement.values()) {
                    movements.put(
                            movement,
                            new RevenuePeriodFigures.Movement(
                                    period.movementCounts.getOrDefault(movement, 0L),
                                    Decimals.rounded(period.movementAmounts.getOrDefault(movement, BigDecimal.ZERO))));
                }
                quickRatio = Decimals.ratio(
                        amount(period, RevenueMovement.NEW)
                                .add(amount(period, RevenueMovement.EXPANSION))
                                .add(amount(period, RevenueMovement.REACTIVATED)),
                        amount(period, RevenueMovement.CONTRACTION).add(amount(period, RevenueMovement.CHURNED)));
            }
            figures.add(new RevenuePeriodFigures(
                    periods.get(i),
                    comparedStarts.get(i),
                    Decimals.rounded(period.revenue),
                    Decimals.rounded(period.positiveRevenue),
                    period.positiveCustomers,
                    Decimals.rounded(period.refundsBeyondRevenue),
                    Decimals.rounded(period.comparedPositiveRevenue),
                    period.baseCustomers,
                    Decimals.rounded(period.baseRevenue),
                    Decimals.rounded(period.netRetained),
                    Decimals.rounded(period.grossRetained),
                    Decimals.percent(period.netRetained, period.baseRevenue),
                    Decimals.percent(period.grossRetained, period.baseRevenue),
                    movements,
                    quickRatio));
        }
        return figures;
    }

    private static BigDecimal amount(PeriodSums period, RevenueMovement movement) {
        return period.movementAmounts.getOrDefault(movement, BigDecimal.ZERO);
    }
}
