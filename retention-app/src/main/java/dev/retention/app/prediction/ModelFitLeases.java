package dev.retention.app.prediction;

import dev.retention.domain.prediction.FitClvModel;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's running fits its own while it lives, takes over the fits of instances that stopped, and
 * hands its own back to the queue when it stops, so that another instance finishes them.
 */
@Component
class ModelFitLeases implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelFitLeases.class);

    private final FitClvModel fits;
    private volatile boolean running;

    ModelFitLeases(FitClvModel fits) {
        this.fits = fits;
    }

    @Scheduled(
            fixedDelayString = "${retention.prediction.lease-check:10s}",
            initialDelayString = "${retention.prediction.lease-check:10s}")
    void renewAndTakeOver() {
        if (!running) {
            return;
        }
        fits.renewLeases();
        List<UUID> takenOver = fits.takeOverAbandoned();
        if (!takenOver.isEmpty()) {
            log.info("Took over {} model fit(s) that no instance was running: {}", takenOver.size(), takenOver);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        fits.handBackLeases();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
