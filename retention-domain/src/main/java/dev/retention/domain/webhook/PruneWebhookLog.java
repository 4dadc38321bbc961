package dev.retention.domain.webhook;

import dev.retention.domain.shared.Instants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the webhook tables from growing without end: a signal is needed only until it has become deliveries, and a
 * finished delivery (delivered or given up) stays in the log for {@code logRetention}.
 */
public class PruneWebhookLog {

    /** How long a signal that has become deliveries is kept, for inspection by hand. */
    static final Duration SIGNAL_RETENTION = Duration.ofDays(1);

    private final WebhookStore store;
    private final Duration logRetention;
    private final Clock clock;

    public PruneWebhookLog(WebhookStore store, Duration logRetention, Clock clock) {
        this.store = store;
        this.logRetention = logRetention;
        this.clock = clock;
    }

    /** What was removed. */
    public record Pruned(int signals, int deliveries) {}

    public Pruned run() {
        Instant now = Instants.now(clock);
        return new Pruned(
                store.pruneSignals(now.minus(SIGNAL_RETENTION)), store.pruneDeliveries(now.minus(logRetention)));
    }
}
