package dev.retention.app.webhook;

import dev.retention.domain.webhook.DispatchWebhooks;
import dev.retention.domain.webhook.ScanWebhookSignals;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dispatcher runs on every instance (rows are claimed with skip locked, so instances share the work), round
 * after round while there is work, then pauses; the scan runs on one instance per firing.
 */
@Component
class WebhookJobs {

    private static final Logger log = LoggerFactory.getLogger(WebhookJobs.class);
    private static final int MAX_ROUNDS = 50;

    private final DispatchWebhooks dispatch;
    private final ScanWebhookSignals scan;

    WebhookJobs(DispatchWebhooks dispatch, ScanWebhookSignals scan) {
        this.dispatch = dispatch;
        this.scan = scan;
    }

    @Scheduled(fixedDelayString = "${retention.webhooks.dispatch-interval:1s}")
    void dispatch() {
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                if (dispatch.runOnce().idle()) {
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
    }
}
