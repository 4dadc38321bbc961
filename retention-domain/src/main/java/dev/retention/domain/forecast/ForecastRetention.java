package dev.retention.domain.forecast;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.CustomerFilter;
import dev.retention.domain.metrics.CustomerLifecycles;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.prediction.ModelFitException;
import dev.retention.domain.shared.Decimals;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.RuleViolationException;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forecasts contractual retention with the shifted-beta-geometric model: survivor curves of the acquisition cohorts
 * from the CONTRACTUAL lifecycles, one fit per group, and from each fit the survival curve, the customers expected in
 * the coming periods and the residual value of a customer after n renewals.
 */
public class ForecastRetention {

    private final CustomerLifecycles lifecycles;
    private final SbgFitter fitter = new SbgFitter();

    public ForecastRetention(CustomerLifecycles lifecycles) {
        this.lifecycles = lifecycles;
    }

    public RetentionForecast forecast(RetentionForecastQuery query) {
        check(query);
        Granularity granularity = query.granularity();
        LocalDate observedUntil = granularity.periodStart(query.observedUntil());
        List<LocalDate> starts = new ArrayList<>();
        int cohorts = 0;
        for (LocalDate start = granularity.periodStart(query.from());
                !start.isAfter(observedUntil);
                start = granularity.next(start)) {
            starts.add(start);
            if (start.isBefore(query.to()) && start.isBefore(observedUntil)) {
                cohorts++;
            }
        }
        if (starts.size() > ReportingPeriods.MAX_PERIODS) {
            throw InvalidInputException.rule(
                    "asOf",
                    "the cohorts and their observation span more than " + ReportingPeriods.MAX_PERIODS
                            + " periods; choose a coarser granularity or a later first cohort");
        }
        if (cohorts == 0) {
            throw InvalidInputException.rule(
                    "asOf", "must lie after the first cohort's period, so that something is observed");
        }
        List<Instant> boundaries = starts.stream()
                .map(day -> ReportingPeriods.midnight(day, query.zone()))
                .toList();
        SurvivorTally tally = new SurvivorTally(starts, boundaries, cohorts, query.fitBy() == FitBy.SEGMENT);
        // The activity settings play no part under the contractual model, which only reads churns and returns.
        lifecycles.forEach(
                new LifecycleQuery(
                        ChurnModel.CONTRACTUAL,
                        Set.of(EventType.PURCHASE),
                        Duration.ofDays(1),
                        new CustomerFilter(query.segment(), null),
                        boundaries),
                tally);
        List<RetentionForecast.Group> groups = new ArrayList<>();
        group(tally.curves(), query.fitBy())
                .forEach((key, curves) -> groups.add(group(key, curves, query, observedUntil)));
        if (groups.stream().allMatch(group -> group.fit() == null)) {
            List<Violation> reasons = groups.stream()
                    .map(group -> Violation.rule("fitBy", groupName(group) + ": " + group.fitNote()))
                    .toList();
            throw new RuleViolationException(
                    "forecast-not-possible",
                    groups.isEmpty()
                            ? "No customer was acquired in these cohorts, so there is nothing to fit"
                            : "No group of customers could be fitted: "
                                    + groups.get(0).fitNote(),
                    reasons);
        }
        return new RetentionForecast(observedUntil, groups);
    }

    private static void check(RetentionForecastQuery query) {
        List<Violation> violations = new ArrayList<>();
        if (query.horizon() < 1 || query.horizon() > RetentionForecastQuery.MAX_HORIZON) {
            violations.add(new Violation("horizon", "must be 1 to " + RetentionForecastQuery.MAX_HORIZON));
        }
        if (query.discountRate().signum() <= 0 || query.discountRate().compareTo(BigDecimal.ONE) > 0) {
            violations.add(new Violation("discountRate", "must be above 0 and at most 1 (per period)"));
        }
        if (query.margin().signum() <= 0 || query.margin().compareTo(BigDecimal.ONE) > 0) {
            violations.add(new Violation("margin", "must be above 0 and at most 1"));
        }
        if (query.paymentPerPeriod() != null && query.paymentPerPeriod().signum() < 0) {
            violations.add(new Violation("paymentPerPeriod", "must not be negative"));
        }
        if (!query.from().isBefore(query.to())) {
            violations.add(Violation.rule("to", "must lie after from"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private record GroupKey(LocalDate cohort, String segment) {}

    private static Map<GroupKey, List<SurvivorCurve>> group(List<SurvivorCurve> curves, FitBy fitBy) {
        Map<GroupKey, List<SurvivorCurve>> groups = new LinkedHashMap<>();
        for (SurvivorCurve curve : curves) {
            GroupKey key = switch (fitBy) {
                case COHORT -> new GroupKey(curve.cohort(), null);
                case SEGMENT -> new GroupKey(null, curve.segment());
                case POOLED -> new GroupKey(null, null);
            };
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(curve);
        }
        return groups;
    }

    private RetentionForecast.Group group(
            GroupKey key, List<SurvivorCurve> curves, RetentionForecastQuery query, LocalDate observedUntil) {
        SbgFit fit;
        try {
            fit = fitter.fit(curves);
        } catch (ModelFitException failed) {
            return new RetentionForecast.Group(
                    key.cohort(),
                    key.segment(),
                    curves,
                    null,
                    failed.getMessage(),
                    survival(curves, null, 0),
                    List.of(),
                    List.of());
        }
        return new RetentionForecast.Group(
                key.cohort(),
                key.segment(),
                curves,
                fit,
                null,
                survival(curves, fit.model(), query.horizon()),
                projection(curves, fit.model(), query, observedUntil),
                residualValues(fit.model(), query));
    }

    /** From period 0 to the longest curve observed, and {@code beyond} periods further by the model alone. */
    private static List<RetentionForecast.SurvivalPoint> survival(
            List<SurvivorCurve> curves, ShiftedBetaGeometric model, int beyond) {
        int longest =
                curves.stream().mapToInt(SurvivorCurve::observedPeriods).max().orElse(0);
        List<RetentionForecast.SurvivalPoint> points = new ArrayList<>();
        for (int t = 0; t <= longest + beyond; t++) {
            long alive = 0;
            long observed = 0;
            for (SurvivorCurve curve : curves) {
                if (curve.observedPeriods() >= t) {
                    alive += curve.alive(t);
                    observed += curve.size();
                }
            }
            points.add(new RetentionForecast.SurvivalPoint(
                    t,
                    observed == 0 ? null : (double) alive / observed,
                    model == null ? null : model.survival(t),
                    model == null || t == 0 ? null : model.retentionRate(t)));
        }
        return points;
    }

    /** Σ over cohorts of alive(K) × S(K + j) / S(K), for the j-th period after the last one observed. */
    private static List<RetentionForecast.ProjectedPeriod> projection(
            List<SurvivorCurve> curves, ShiftedBetaGeometric model, RetentionForecastQuery query, LocalDate from) {
        double[] expected = new double[curves.size()];
        double total = 0;
        for (int c = 0; c < curves.size(); c++) {
            expected[c] = curves.get(c).alive(curves.get(c).observedPeriods());
            total += expected[c];
        }
        List<RetentionForecast.ProjectedPeriod> projection = new ArrayList<>();
        LocalDate date = from;
        for (int j = 1; j <= query.horizon(); j++) {
            date = query.granularity().next(date);
            double next = 0;
            for (int c = 0; c < curves.size(); c++) {
                expected[c] *= model.retentionRate(curves.get(c).observedPeriods() + j);
                next += expected[c];
            }
            projection.add(new RetentionForecast.ProjectedPeriod(date, next, total > 0 ? next / total : null));
            total = next;
        }
        return projection;
    }

    private static List<RetentionForecast.ResidualValue> residualValues(
            ShiftedBetaGeometric model, RetentionForecastQuery query) {
        List<RetentionForecast.ResidualValue> values = new ArrayList<>();
        double discountRate = query.discountRate().doubleValue();
        for (int n = 0; n <= query.horizon(); n++) {
            double lifetime = model.residualLifetime(n, discountRate);
            BigDecimal value = query.paymentPerPeriod() == null
                    ? null
                    : Decimals.rounded(
                            query.margin().multiply(query.paymentPerPeriod()).multiply(BigDecimal.valueOf(lifetime)));
            values.add(new RetentionForecast.ResidualValue(n, model.retentionRate(n + 1), lifetime, value));
        }
        return values;
    }

    private static String groupName(RetentionForecast.Group group) {
        if (group.cohort() != null) {
            return "cohort " + group.cohort();
        }
        return group.segment() == null ? "all" : "segment " + group.segment();
    }
}
