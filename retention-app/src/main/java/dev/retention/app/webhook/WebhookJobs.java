package dev.retention.app.webhook;

import dev.retention.domain.webhook.DispatchWebhooks;
import dev.retention.domain.webhook.PruneWebhookLog;
import dev.retention.domain.webhook.ScanWebhookSignals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dispatcher runs on every instance (rows are claimed with skip locked, so instances share the work), round
 * after round while there is work, then pauses; the scan (and the pruning of the log) runs on one instance per
 * firing.
 */
@Component
class WebhookJobs {

    private static final Logger log = LoggerFactory.getLogger(WebhookJobs.class);
    private static final int MAX_ROUNDS = 50;

    private final DispatchWebhooks dispatch;
    private final ScanWebhookSignals scan;
    private final PruneWebhookLog prune;
    private final Counter delivered;
    private final Counter failedAttempts;

    WebhookJobs(DispatchWebhooks dispatch, ScanWebhookSignals scan, PruneWebhookLog prune, MeterRegistry registry) {
        this.dispatch = dispatch;
        this.scan = scan;
        this.prune = prune;
        this.delivered = attempts(registry, "delivered");
        this.failedAttempts = attempts(registry, "failed");
    }

    /** {@code retention_webhook_attempts_total{outcome="delivered"|"failed"}} in Prometheus. */
    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder("retention.webhook.attempts")
                .description("Webhook delivery attempts by this instance, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${retention.webhooks.dispatch-interval:1s}")
    void dispatch() {
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                DispatchWebhooks.Round done = dispatch.runOnce();
                delivered.increment(done.delivered());
                failedAttempts.increment(done.failed());
                if (done.idle()) {
                    return;
                }
            }
        } catch (RuntimeException failed) {
            log.warn("Webhook dispatch round failed; the next one retries", failed);
        }
    }

    @Scheduled(
            fixedDelayString = "${retention.webhooks.scan-interval:15m}",
            initialDelayString = "${retention.webhooks.scan-interval:15m}")
    @SchedulerLock(name = "webhook-scan", lockAtLeastFor = "PT10S", lockAtMostFor = "PT1H")
    void scan() {
        ScanWebhookSignals.Scan found = scan.run();
        log.info(
                "Webhook scan: {} at-risk, {} points-expiring, {} strategy-verdict, {} metric-threshold signals",
                found.atRisk(),
                found.pointsExpiring(),
                found.strategyVerdicts(),
                found.metricThresholds());
        PruneWebhookLog.Pruned pruned = prune.run();
        log.debug("Webhook log pruned: {} signals, {} deliveries", pruned.signals(), pruned.deliveries());
    }
}
