package dev.retention.domain.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The fitted groups of a forecast, each with its observed and projected survival. */
public record RetentionForecast(LocalDate observedUntil, List<Group> groups) {

    /**
     * One fit: of a cohort (COHORT), of a segment's cohorts (SEGMENT) or of all (POOLED). {@code fit} is null when the
     * group could not be fitted, and {@code fitNote} says why; the curves and counts are there either way.
     */
    public record Group(
            LocalDate cohort,
            String segment,
            List<SurvivorCurve> curves,
            SbgFit fit,
            String fitNote,
            List<SurvivalPoint> survival,
            List<ProjectedPeriod> projection,
            List<ResidualValue> residualValues) {

        public long customers() {
            return curves.stream().mapToLong(SurvivorCurve::size).sum();
        }

        public long aliveNow() {
            return curves.stream()
                    .mapToLong(curve -> curve.alive(curve.observedPeriods()))
                    .sum();
        }
    }

    /**
     * Period t after acquisition: the share of the group's customers observed for t periods who were still there
     * (null when no cohort of the group is that old, as in the periods projected beyond the oldest), and the model's
     * S(t) and r_t.
     */
    public record SurvivalPoint(int period, Double observedShare, Double modelSurvival, Double modelRetentionRate) {}

    /**
     * The customers of the group expected alive at the start of the period beginning on {@code date}, from those
     * alive now by the model's conditional survival, and the retention rate that implies against the period before
     * (null when nobody is expected before).
     */
    public record ProjectedPeriod(LocalDate date, double expectedCustomers, Double expectedRetentionRate) {}

    /**
     * For a customer alive after {@code renewals} renewals: the chance of its next renewal, its discounted expected
     * residual lifetime in payments, and their value (margin × payment × residual lifetime) when a payment is given.
     */
    public record ResidualValue(int renewals, double nextRenewalRate, double residualLifetime, BigDecimal value) {}
}
