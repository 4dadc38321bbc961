package dev.retention.api.forecast;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.forecast.FitBy;
import dev.retention.domain.metrics.Granularity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(
        name = "RetentionForecast",
        description = "Shifted-beta-geometric fits of contractual retention and their projections. Model quantities "
                + "are fractions (0 to 1) with 6 decimals; counts of expected customers have 2.")
@CsvExport
record RetentionForecastResponse(
        @Schema(description = "Period length.") Granularity granularity,
        @Schema(description = "Reporting time zone.") String zone,

        @Schema(description = "How customers were grouped into fits.")
        FitBy fitBy,

        @Schema(description = "The last boundary observed: periods before it are complete.")
        LocalDate observedUntil,

        @Schema(description = "One entry per group of customers, in cohort or segment order.")
        List<Group> groups) {

    @Schema(name = "RetentionForecastGroup", description = "The customers of one fit and what the fit says.")
    record Group(
            @Schema(description = "The acquisition cohort's first day, when fitting by cohort.") @Nullable
            LocalDate cohort,

            @Schema(description = "The segment, when fitting by segment (absent for customers without one).") @Nullable
            String segment,

            @Schema(description = "Customers acquired in the group's cohorts.")
            long customers,

            @Schema(description = "Of them, those who have not churned by observedUntil.")
            long aliveNow,

            @Schema(description = "α of the Beta distribution of churn probabilities; absent without a fit.") @Nullable
            BigDecimal alpha,

            @Schema(description = "β; absent without a fit.") @Nullable
            BigDecimal beta,

            @Schema(description = "Standard error of α; absent without a fit or when it is undefined.") @Nullable
            BigDecimal alphaStandardError,

            @Schema(description = "Standard error of β; absent without a fit or when it is undefined.") @Nullable
            BigDecimal betaStandardError,

            @Schema(description = "The maximised log-likelihood; absent without a fit.") @Nullable
            BigDecimal logLikelihood,

            @Schema(description = "Why the group has no fit; absent when it has one.") @Nullable
            String fitNote,

            @Schema(description = "Observed and fitted survival by periods since acquisition, from 0.")
            List<SurvivalPoint> survival,

            @Schema(description = "Customers expected alive in the coming periods; empty without a fit.")
            List<ProjectedPeriod> projection,

            @Schema(description = "Residual lifetime and value after 0, 1, ... renewals; empty without a fit.")
            List<ResidualValue> residualValues) {}

    @Schema(name = "RetentionForecastSurvival", description = "Period t after acquisition.")
    record SurvivalPoint(
            @Schema(description = "t.") int period,

            @Schema(
                    description = "Share of the customers observed for t periods who had not churned; absent when no "
                            + "cohort of the group is that old.")
            @Nullable
            BigDecimal observedShare,

            @Schema(description = "The model's S(t) = P(T > t); absent without a fit.") @Nullable
            BigDecimal modelSurvival,

            @Schema(description = "The model's r_t = S(t) / S(t − 1); absent at t = 0 and without a fit.") @Nullable
            BigDecimal modelRetentionRate) {}

    @Schema(name = "RetentionForecastPeriod", description = "A future boundary.")
    record ProjectedPeriod(
            @Schema(description = "The boundary: customers expected alive at its start.")
            LocalDate date,

            @Schema(description = "Σ over cohorts of alive now × S(age + j) / S(age).")
            BigDecimal expectedCustomers,

            @Schema(description = "Expected customers against the boundary before; absent when none were expected.")
            @Nullable
            BigDecimal expectedRetentionRate) {}

    @Schema(name = "RetentionForecastResidualValue", description = "A customer alive after n renewals.")
    record ResidualValue(
            @Schema(description = "n.") int renewals,

            @Schema(description = "r_(n+1): the chance of its next renewal.")
            BigDecimal nextRenewalRate,

            @Schema(
                    description = "Discounted expected residual lifetime: Σ_{k≥1} P(T > n + k | T > n) / (1 + d)^k, "
                            + "the further payments it is expected to make.")
            BigDecimal residualLifetime,

            @Schema(
                    description = "margin × paymentPerPeriod × residualLifetime, 4 decimals; absent without "
                            + "paymentPerPeriod.")
            @Nullable
            BigDecimal value) {}
}
