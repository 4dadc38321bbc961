package dev.retention.app.prediction;

import dev.retention.api.shared.ReportingSettings;
import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.FitClvModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refits the model of all customers and of the configured segments on a schedule, with the calibration period
 * ending yesterday. Every instance of the service fires; the scheduler lock lets one of them run each firing, and the
 * schedule slot (the firing time rounded to the minute) keeps even two runs from queueing the same fit twice.
 */
@Component
class ScheduledClvRefit {

    private static final Logger log = LoggerFactory.getLogger(ScheduledClvRefit.class);

    private final FitClvModel fits;
    private final PredictionProperties properties;
    private final ReportingSettings defaults;
    private final Clock clock;

    ScheduledClvRefit(FitClvModel fits, PredictionProperties properties, ReportingSettings defaults, Clock clock) {
        this.fits = fits;
        this.properties = properties;
        this.defaults = defaults;
        this.clock = clock;
    }

    @Scheduled(cron = "${retention.prediction.refit-cron:-}", zone = "${retention.metrics.zone:UTC}")
    @SchedulerLock(name = "clv-refit", lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    void refit() {
        String slot = slot(clock.instant());
        LocalDate yesterday = LocalDate.now(clock.withZone(defaults.zone())).minusDays(1);
        List<String> segments = new ArrayList<>();
        segments.add(null);
        segments.addAll(properties.refitSegments());
        for (String segment : segments) {
            fits.submitScheduled(
                            settings(properties, defaults.zone(), yesterday, segment),
                            slot + "|" + (segment == null ? "" : segment))
                    .ifPresent(model -> log.info(
                            "Scheduled refit {} queued for segment {}",
                            model.id(),
                            segment == null ? "(all customers)" : segment));
        }
    }

    /** The settings of a scheduled fit of the segment (null: all customers), calibrated up to {@code end}. */
    static ClvSettings settings(PredictionProperties properties, ZoneId zone, LocalDate end, String segment) {
        return new ClvSettings(
                end,
                properties.timeUnit(),
                properties.horizonMonths(),
                properties.monthlyDiscountRate(),
                segment,
                zone,
                properties.purchaseModel());
    }

    /** The firing time rounded to the nearest minute, so that instances a few seconds apart agree. */
    static String slot(Instant firedAt) {
        long minute = Math.floorDiv(firedAt.getEpochSecond() + 30, 60);
        return Instant.ofEpochSecond(minute * 60).toString();
    }
}
