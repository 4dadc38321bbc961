package dev.retention.api.prediction;

import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.FitClvModel;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Queues model fits and hands them to the background worker, so that requests return at once. */
@Component
public class ClvModelJobs {

    private static final Logger log = LoggerFactory.getLogger(ClvModelJobs.class);

    private final FitClvModel fitClvModel;
    private final Executor worker;

    ClvModelJobs(FitClvModel fitClvModel, @Qualifier("clvModelFits") Executor worker) {
        this.fitClvModel = fitClvModel;
        this.worker = worker;
    }

    public ClvModel submit(ClvSettings settings) {
        ClvModel model = fitClvModel.queue(settings);
        runLater(model.id());
        return model;
    }

    /** Queues and runs a scheduled fit unless another instance already queued the same slot. */
    public Optional<ClvModel> submitScheduled(ClvSettings settings, String slot) {
        Optional<ClvModel> model = fitClvModel.queueScheduled(settings, slot);
        model.ifPresent(queued -> runLater(queued.id()));
        return model;
    }

    private void runLater(UUID id) {
        worker.execute(() -> {
            try {
                fitClvModel.run(id);
            } catch (RuntimeException e) {
                log.error("Model fit {} stopped unexpectedly", id, e);
            }
        });
    }
}
