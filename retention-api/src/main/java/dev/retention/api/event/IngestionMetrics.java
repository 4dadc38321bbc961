package dev.retention.api.event;

import dev.retention.domain.event.EventOutcome;
import dev.retention.domain.event.EventType;
import dev.retention.domain.event.IngestionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Counts stored events by type: {@code retention_events_ingested_total{type="PURCHASE"}} in Prometheus. */
@Component
class IngestionMetrics {

    private final MeterRegistry registry;

    IngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(IngestionResult result) {
        Map<EventType, Long> created = result.outcomes().stream()
                .filter(outcome -> outcome.status() == EventOutcome.Status.CREATED)
                .collect(Collectors.groupingBy(outcome -> outcome.event().type(), Collectors.counting()));
        created.forEach((type, count) -> Counter.builder("retention.events.ingested")
                .description("Events stored, by type")
                .tag("type", type.name())
                .register(registry)
                .increment(count));
    }
}
