package dev.retention.domain.prediction;

import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Fits the chosen purchase model (BG/NBD, MBG/NBD or Pareto/NBD) and Gamma-Gamma on the purchase summaries and
 * scores every summarised customer. Submitting queues the fit and returns at once; the background worker then does
 * the work in {@link #run}.
 */
public class FitClvModel {

    private static final int SCORE_BATCH = 5_000;

    private final ClvModels models;
    private final PurchaseSummaries summaries;
    private final Clock clock;
    private final Executor worker;
    private final FitLease lease;

    /**
     * @param worker runs fits in the background; a fit that fails unexpectedly is marked failed and rethrown to it
     * @param lease how this instance holds the fits it runs
     */
    public FitClvModel(ClvModels models, PurchaseSummaries summaries, Clock clock, Executor worker, FitLease lease) {
        this.models = models;
        this.summaries = summaries;
        this.clock = clock;
        this.worker = worker;
        this.lease = lease;
    }

    /** Queues a fit and hands it to the background worker. */
    public ClvModel submit(ClvSettings settings) {
        ClvModel model = queue(settings);
        runLater(model.id());
        return model;
    }

    /** Like {@link #submit}, once per schedule slot across instances (see {@link #queueScheduled}). */
    public Optional<ClvModel> submitScheduled(ClvSettings settings, String slot) {
        Optional<ClvModel> model = queueScheduled(settings, slot);
        model.ifPresent(queued -> runLater(queued.id()));
        return model;
    }

    public ClvModel queue(ClvSettings settings) {
        Instant now = Instants.now(clock);
        requireHoldoutOver(settings, now);
        return models.queue(settings, ClvModel.REQUESTED, now);
    }

    /**
     * Fits each of the purchase models (a model named twice is fitted once) on the same calibration/holdout split, in
     * the background like any fit, without scoring customers or replacing any segment's model;
     * {@link ReadPredictions#comparison} ranks them.
     *
     * @return the comparison's id
     */
    public UUID compare(ClvSettings settings, List<PurchaseModelKind> purchaseModels) {
        if (settings.holdoutEnd() == null) {
            throw InvalidInputException.of("holdoutEnd", "is required: models are compared on the holdout period");
        }
        if (purchaseModels.isEmpty()) {
            throw InvalidInputException.of("models", "must name one or more purchase models");
        }
        Instant now = Instants.now(clock);
        requireHoldoutOver(settings, now);
        UUID comparison = UUID.randomUUID();
        List<ClvModel> queued = purchaseModels.stream()
                .distinct()
                .map(model -> models.queueForComparison(settings.withPurchaseModel(model), comparison, now))
                .toList();
        queued.forEach(model -> runLater(model.id()));
        return comparison;
    }

    private static void requireHoldoutOver(ClvSettings settings, Instant now) {
        if (settings.holdoutEnd() != null
                && !settings.holdoutEnd().isBefore(LocalDate.ofInstant(now, settings.zone()))) {
            throw InvalidInputException.rule(
                    "holdoutEnd", "must lie before today, so that every purchase of the holdout period is in");
        }
    }

    /**
     * Queues a scheduled fit once per schedule slot, however many instances of the service fire the schedule;
     * empty when another instance queued it first.
     */
    public Optional<ClvModel> queueScheduled(ClvSettings settings, String slot) {
        return models.queueOnce(settings, slot, Instants.now(clock));
    }

    /** Keeps this instance's running fits its own; to be called well within the lease's length. */
    public void renewLeases() {
        models.renewLeases(lease.owner(), Instants.now(clock).plus(lease.length()));
    }

    /**
     * Takes over the fits that nobody runs any more (their instance stopped without handing them back, or their
     * queue went with it) and hands them to this instance's worker.
     */
    public List<UUID> takeOverAbandoned() {
        Instant now = Instants.now(clock);
        List<UUID> abandoned = models.reclaim(now, now.minus(lease.length()), now.plus(lease.length()));
        abandoned.forEach(this::runLater);
        return abandoned;
    }

    /** Gives this instance's running fits back to the queue, for another instance: this one is stopping. */
    public void handBackLeases() {
        models.handBack(lease.owner());
    }

    private void runLater(UUID id) {
        worker.execute(() -> run(id));
    }

    /** Runs a queued model to success or failure; a model already taken by another worker is left alone. */
    public void run(UUID id) {
        Instant now = Instants.now(clock);
        if (!models.start(id, lease.owner(), now, now.plus(lease.length()))) {
            return;
        }
        ClvModel model = models.find(id).orElseThrow();
        try {
            fitAndScore(model);
        } catch (ModelFitException | ArithmeticException | IllegalArgumentException failure) {
            models.fail(id, failure.getMessage(), Instants.now(clock));
        } catch (RuntimeException unexpected) {
            models.fail(id, "the fit stopped unexpectedly: " + unexpected, Instants.now(clock));
            throw unexpected;
        }
    }

    private void fitAndScore(ClvModel model) {
        UUID id = model.id();
        ClvSettings settings = model.settings();
        long began = System.nanoTime();
        models.progress(id, "summarising purchases", 5);
        List<CustomerSummary> customers = summaries.summarise(settings);
        long summarised = System.nanoTime();
        models.summarised(id, millis(summarised - began));

        models.progress(
                id, "fitting " + settings.purchaseModel().title() + " on " + customers.size() + " customers", 20);
        List<PurchaseSummary> histories =
                customers.stream().map(CustomerSummary::summary).toList();
        ModelFit<? extends PurchaseModel> purchaseFit = settings.purchaseModel().fit(histories);
        models.progress(id, "fitting Gamma-Gamma", 40);
        ModelFit<GammaGammaParameters> spendFit = GammaGammaFitter.fit(histories);
        if (spendFit.parameters().q() <= 1) {
            throw new ModelFitException("Gamma-Gamma fit has q = "
                    + spendFit.parameters().q() + " <= 1: spend per purchase has no finite mean in these data");
        }
        HoldoutValidation validation = null;
        if (settings.holdoutEnd() != null) {
            models.progress(id, "validating on the holdout period", 45);
            validation = HoldoutValidation.of(
                    purchaseFit.parameters(), customers, summaries.holdoutPurchaseDates(settings), settings);
        }
        long fitted = System.nanoTime();

        CustomerValuation valuation = new CustomerValuation(purchaseFit.parameters(), spendFit.parameters(), settings);
        List<CustomerPrediction> batch = new ArrayList<>(SCORE_BATCH);
        // A comparison's fit is judged on the holdout alone: it scores nobody.
        int scoring = model.comparisonId() == null ? customers.size() : 0;
        for (int i = 0; i < scoring; i++) {
            batch.add(valuation.predict(customers.get(i)));
            if (batch.size() == SCORE_BATCH || i == customers.size() - 1) {
                models.savePredictions(id, batch);
                batch.clear();
                models.progress(id, "scoring customers", 50 + (int) (49L * (i + 1) / customers.size()));
            }
        }
        long scored = System.nanoTime();
        models.succeed(
                id,
                purchaseFit,
                spendFit,
                validation,
                new ClvModel.Timings(millis(summarised - began), millis(fitted - summarised), millis(scored - fitted)),
                Instants.now(clock));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
