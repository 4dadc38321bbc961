package dev.retention.api.event;

import dev.retention.domain.event.EventOutcome;
import dev.retention.domain.event.IngestionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts stored events by type: {@code retention_events_ingested_total{type="PURCHASE"}} in Prometheus. */
@Component
class IngestionMetrics {

    private final MeterRegistry registry;

    IngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(IngestionResult result) {
        for (EventOutcome outcome : result.outcomes()) {
            if (outcome.status() == EventOutcome.Status.CREATED) {
                Counter.builder("retention.events.ingested")
                        .description("Events stored, by type")
                        .tag("type", outcome.event().type().name())
                        .register(registry)
                        .increment();
            }
        }
    }
}
