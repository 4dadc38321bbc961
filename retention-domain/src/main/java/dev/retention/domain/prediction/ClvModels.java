package dev.retention.domain.prediction;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored model fits and the predictions of the latest successful fit per segment. */
public interface ClvModels {

    ClvModel queue(ClvSettings settings, String trigger, Instant at);

    /** Queues a fit of a comparison: it will score no customer and not become its segment's model. */
    ClvModel queueForComparison(ClvSettings settings, UUID comparisonId, Instant at);

    /** The fits of a comparison, in the order they were queued; empty when there is no such comparison. */
    List<ClvModel> comparison(UUID comparisonId);

    /**
     * Queues a scheduled fit unless one was already queued for the same schedule slot (by any instance of the
     * service); empty when it was.
     */
    Optional<ClvModel> queueOnce(ClvSettings settings, String slot, Instant at);

    /** Moves a QUEUED fit to RUNNING under the owner's lease; false when it is not queued (taken by another). */
    boolean start(UUID id, String owner, Instant at, Instant leaseUntil);

    /** Extends the leases of the owner's running fits. */
    void renewLeases(String owner, Instant until);

    /**
     * Queues again the fits that nobody runs any more: running with a lease that ran out before {@code now}, or
     * queued before {@code queuedBefore} and never started, and claims them for the caller until {@code claimUntil}.
     * Safe when several instances call it at once: each fit is returned to one of them.
     */
    List<UUID> reclaim(Instant now, Instant queuedBefore, Instant claimUntil);

    /** Queues again the owner's running fits, for another instance to run: the owner is stopping. */
    void handBack(String owner);

    void progress(UUID id, String stage, int percent);

    /** Records how long building the purchase summaries took. */
    void summarised(UUID id, long millis);

    /** Stores a batch of predictions of a running model. */
    void savePredictions(UUID id, List<CustomerPrediction> predictions);

    /**
     * Records success and, unless it is a comparison's, makes this the model of its segment: predictions of the
     * segment's earlier models are removed.
     */
    void succeed(
            UUID id,
            ModelFit<? extends PurchaseModel> purchaseFit,
            ModelFit<GammaGammaParameters> spendFit,
            HoldoutValidation validation,
            ClvModel.Timings timings,
            Instant at);

    /** Records failure with a message for the user; predictions stored so far are removed. */
    void fail(UUID id, String error, Instant at);

    Optional<ClvModel> find(UUID id);

    Page<ClvModel> list(PageRequest page);

    /** The latest successful model of the segment (null: the model of all customers), comparisons' fits aside. */
    Optional<ClvModel> current(String segment);

    Optional<CustomerPrediction> prediction(UUID modelId, CustomerId customerId);

    /** The model's predictions ordered by lifetime value, highest first, or by P(alive), lowest first. */
    List<CustomerPrediction> ranked(UUID modelId, PredictionOrder order, int limit);
}
