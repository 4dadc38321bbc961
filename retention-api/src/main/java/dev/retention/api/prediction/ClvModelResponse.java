package dev.retention.api.prediction;

import dev.retention.api.shared.EnumDocumentation;
import dev.retention.domain.prediction.ClvModelStatus;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.PurchaseModelKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(
        description = "A lifetime-value model fit: its settings, where the job stands, and once it succeeded the "
                + "fitted parameters and the quality of the fit.")
record ClvModelResponse(
        @Schema(description = "The model's id.") UUID id,

        @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED.")
        ClvModelStatus status,

        @Schema(description = "What the job is doing now, in words.", example = "fitting BG/NBD on 2357 customers")
        String stage,

        @Schema(description = "Progress of the job, 0 to 100.", example = "40")
        int progressPercent,

        @Schema(ref = EnumDocumentation.FIT_TRIGGER) String trigger,

        @Schema(
                description = "The comparison this fit belongs to; such a fit scores no customer and never becomes "
                        + "its segment's model. Absent for other fits.")
        @Nullable
        UUID comparisonId,

        @Schema(description = "Last local date of the calibration period (inclusive).")
        LocalDate calibrationEnd,

        @Schema(description = "The unit in which time is counted.")
        ModelTimeUnit timeUnit,

        @Schema(description = "Lifetime-value horizon in months.")
        int horizonMonths,

        @Schema(description = "Monthly discount rate of lifetime value.")
        BigDecimal monthlyDiscountRate,

        @Schema(description = "The segment fitted; null: all customers.") @Nullable
        String segment,

        @Schema(description = "The time zone of the local dates.")
        String zone,

        @Schema(description = "The purchase model chosen for the fit.")
        PurchaseModelKind purchaseModelKind,

        @Schema(description = "Last local date of the holdout period; absent: no validation.") @Nullable
        LocalDate holdoutEnd,

        @Schema(description = "When the fit was asked for.") Instant requestedAt,

        @Schema(description = "When a worker started it.") @Nullable
        Instant startedAt,

        @Schema(description = "When it succeeded or failed.") @Nullable
        Instant finishedAt,

        @Schema(description = "Why it failed, for FAILED models.") @Nullable
        String error,

        @Schema(description = "The fitted purchase model (BG/NBD, MBG/NBD or Pareto/NBD), once fitted.") @Nullable
        PurchaseModel purchaseModel,

        @Schema(description = "The Gamma-Gamma spend model, once fitted.") @Nullable
        SpendModel spendModel,

        @Schema(description = "How well the purchase model predicted the holdout period, once fitted with one.")
        @Nullable
        Validation validation,

        @Schema(description = "Milliseconds per step finished so far.") @Nullable
        Timings timings) {

    @Schema(
            description = "A fitted purchase model. Purchase rates are Gamma(r, alpha) across customers in all three. "
                    + "BG/NBD (Fader, Hardie and Lee 2005) and MBG/NBD (Batislam, Denizel and Filiztekin 2007): the "
                    + "chance of dropping out after a purchase (MBG/NBD: also right after the first) is Beta(a, b). "
                    + "Pareto/NBD (Schmittlein, Morrison and Colombo 1987): lifetimes are exponential with a rate "
                    + "Gamma(s, beta) across customers.")
    record PurchaseModel(
            @Schema(description = "Which model.") PurchaseModelKind kind,

            @Schema(description = "Shape of the purchase-rate distribution.")
            double r,

            @Schema(description = "Scale of the purchase-rate distribution, in time units.")
            double alpha,

            @Schema(description = "First shape of the dropout distribution; BG/NBD and MBG/NBD only.") @Nullable
            Double a,

            @Schema(description = "Second shape of the dropout distribution; BG/NBD and MBG/NBD only.") @Nullable
            Double b,

            @Schema(description = "Shape of the dropout-rate distribution; Pareto/NBD only.") @Nullable
            Double s,

            @Schema(description = "Scale of the dropout-rate distribution, in time units; Pareto/NBD only.") @Nullable
            Double beta,

            @Schema(description = "Maximised log-likelihood of the fit.")
            double logLikelihood,

            @Schema(description = "Customers the model was fitted on.")
            int customers,

            @Schema(description = "Likelihood evaluations the optimiser needed.")
            int evaluations,

            @Schema(
                    description = "Standard errors of the logs of the parameters (r, alpha, then a, b or s, beta) "
                            + "from the observed information; null where it is singular.")
            List<Double> logParameterStandardErrors) {}

    @Schema(
            description = "Gamma-Gamma (Fader, Hardie and Lee 2005): spend per purchase is Gamma(p, nu) with nu "
                    + "Gamma(q, gamma) across customers; fitted on customers with repeat purchases.")
    record SpendModel(
            @Schema(description = "Shape of spend per purchase.")
            double p,

            @Schema(description = "Shape of the customers' scale distribution.")
            double q,

            @Schema(description = "Scale of the customers' scale distribution.")
            double gamma,

            @Schema(description = "Maximised log-likelihood of the fit.")
            double logLikelihood,

            @Schema(description = "Customers with repeat purchases the model was fitted on.")
            int customers,

            @Schema(description = "Likelihood evaluations the optimiser needed.")
            int evaluations,

            @Schema(description = "Standard errors of log p, log q, log gamma; null where singular.")
            List<Double> logParameterStandardErrors) {}

    @Schema(
            name = "HoldoutValidation",
            description = "The calibration/holdout check: for the fit's customers, the purchases the model expects in "
                    + "the holdout period, E[Y(t) | x, t_x, T] with t its length, against the distinct purchase dates "
                    + "they had in it.")
    record Validation(
            @Schema(description = "Last local date of the holdout period.")
            LocalDate holdoutEnd,

            @Schema(description = "Its length t in the fit's time unit.")
            double holdoutLength,

            @Schema(
                    description = "Per number of repeat purchases in calibration, 0 to 6 and 7 (which stands for 7 "
                            + "or more); groups without customers are left out.")
            List<FrequencyRow> byFrequency,

            @Schema(description = "Σ of the expected purchases.")
            double predictedTotal,

            @Schema(description = "Σ of the purchase dates in the holdout period.")
            long actualTotal,

            @Schema(description = "Mean of |expected − actual| per customer.")
            double meanAbsoluteError) {}

    @Schema(name = "HoldoutFrequencyRow", description = "The customers with one number of repeat purchases.")
    record FrequencyRow(
            @Schema(description = "x, repeat purchases in calibration (7: 7 or more).")
            int frequency,

            @Schema(description = "Customers.") long customers,

            @Schema(description = "Mean expected purchases in the holdout period.")
            double meanPredicted,

            @Schema(description = "Mean actual purchase dates in the holdout period.")
            double meanActual) {}

    @Schema(description = "How long each step took; absent for a step not finished.")
    record Timings(
            @Schema(description = "Building the purchase summaries in the database.") @Nullable
            Long summariseMillis,

            @Schema(description = "Fitting both models.") @Nullable
            Long fitMillis,

            @Schema(description = "Scoring and storing every customer.") @Nullable
            Long scoreMillis) {}
}
