package dev.retention.domain.prediction;

import java.time.Instant;
import java.util.UUID;

/**
 * One model fit, from request to result: settings, status and progress, and once it succeeded the two fits, the
 * holdout validation when the settings ask for one, and how long each step took. {@code trigger} says who asked for it: {@code request} or {@code schedule}.
 */
public record ClvModel(
        UUID id,
        ClvSettings settings,
        String trigger,
        UUID comparisonId,
        ClvModelStatus status,
        String stage,
        int progressPercent,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        String error,
        ModelFit<? extends PurchaseModel> purchaseFit,
        ModelFit<GammaGammaParameters> spendFit,
        HoldoutValidation validation,
        Timings timings) {

    /** The trigger of a fit that a client asked for. */
    public static final String REQUESTED = "request";
    /** The trigger of a fit queued by the scheduled refit. */
    public static final String SCHEDULED = "schedule";
    /** The trigger of a fit queued by a comparison of purchase models. */
    public static final String COMPARISON = "comparison";

    /**
     * Milliseconds spent summarising the events, fitting both models, and scoring and storing the customers; null
     * for a step not reached (a failed fit keeps the steps it finished).
     */
    public record Timings(Long summariseMillis, Long fitMillis, Long scoreMillis) {}

    /** The fitted purchase model's parameters, in the order its kind names them; null until a fit succeeded. */
    public double[] purchaseParameters() {
        return purchaseFit == null ? null : purchaseFit.parameters().values();
    }
}
