package dev.retention.domain.webhook;

import dev.retention.domain.shared.Instants;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One round of the dispatcher: turns new signals into deliveries, takes the due ones and sends them. Delivery is at
 * least once: a receiver may see a message again (after a lost answer or a crash between sending and recording),
 * always with the same {@code webhook-id}.
 */
public class DispatchWebhooks {

    /** How long a taken delivery stays with this instance: longer than any attempt (timeout included) can take. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private static final int MAX_ERROR_LENGTH = 500;

    private final WebhookStore store;
    private final WebhookSender sender;
    private final WebhookTargets targets;
    private final RetrySchedule schedule;
    private final Executor executor;
    private final int batchSize;
    private final Clock clock;

    public DispatchWebhooks(
            WebhookStore store,
            WebhookSender sender,
            WebhookTargets targets,
            RetrySchedule schedule,
            Executor executor,
            int batchSize,
            Clock clock) {
        this.store = store;
        this.sender = sender;
        this.targets = targets;
        this.schedule = schedule;
        this.executor = executor;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** What a round did. */
    public record Round(int signals, int attempts, int delivered, int failed) {

        public boolean idle() {
            return signals == 0 && attempts == 0;
        }
    }

    public Round runOnce() {
        int signals = store.fanOut(batchSize, Instants.now(clock));
        List<WebhookStore.DueDelivery> due = store.claim(batchSize, LEASE, Instants.now(clock));
        List<CompletableFuture<Boolean>> attempts = due.stream()
                .map(delivery -> CompletableFuture.supplyAsync(() -> attempt(delivery), executor))
                .toList();
        int delivered = 0;
        for (CompletableFuture<Boolean> attempt : attempts) {
            if (attempt.join()) {
                delivered++;
            }
        }
        return new Round(signals, due.size(), delivered, due.size() - delivered);
    }

    /** The message as sent: Standard Webhooks' envelope of type, timestamp and data. */
    public static String body(WebhookKind kind, Instant raisedAt, String data) {
        return "{\"type\":\"" + kind.value() + "\",\"timestamp\":\"" + raisedAt + "\",\"data\":" + data + "}";
    }

    private boolean attempt(WebhookStore.DueDelivery delivery) {
        Instant now = Instants.now(clock);
        String body = body(delivery.kind(), delivery.raisedAt(), delivery.data());
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.id().toString());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", delivery.secret().sign(delivery.id().toString(), timestamp, body));
        Integer status = null;
        String error;
        try {
            String refusal = targets.refusal(delivery.url()).orElse(null);
            if (refusal != null) {
                error = "not sent: the URL " + refusal;
            } else {
                status = sender.post(delivery.url(), headers, body);
                if (status >= 200 && status < 300) {
                    store.recordSuccess(delivery, status, Instants.now(clock));
                    return true;
                }
                error = "answered " + status;
            }
        } catch (IOException | RuntimeException failed) {
            error = "no answer: " + (failed.getMessage() == null ? "connection failed" : failed.getMessage());
        }
        recordFailure(delivery, status, error);
        return false;
    }

    private void recordFailure(WebhookStore.DueDelivery delivery, Integer status, String error) {
        Instant now = Instants.now(clock);
        String shortError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        Instant nextAttempt = null;
        if (!schedule.givesUp(delivery.retryFrom(), now)) {
            Instant wanted = now.plus(schedule.waitAfter(
                    delivery.attempts(), () -> ThreadLocalRandom.current().nextDouble()));
            Instant last = delivery.retryFrom().plus(schedule.giveUpAfter());
            nextAttempt = wanted.isAfter(last) ? last : wanted;
        }
        Instant failingSince = delivery.failingSince() == null ? now : delivery.failingSince();
        String stopReason = schedule.stopsSubscription(failingSince, now)
                ? "Stopped at " + now + ": every delivery attempt since " + failingSince + " failed (the last: "
                        + shortError + "). Fix the receiver, then set active to true."
                : null;
        store.recordFailure(delivery, status, shortError, now, nextAttempt, stopReason);
    }
}
