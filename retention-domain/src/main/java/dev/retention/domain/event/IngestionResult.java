package dev.retention.domain.event;

import java.util.List;

/** The outcome of every submitted event, in submission order. When one is rejected, nothing was written. */
public record IngestionResult(List<EventOutcome> outcomes) {

    public IngestionResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean accepted() {
        return outcomes.stream().noneMatch(EventOutcome::isRejected);
    }

    public long count(EventOutcome.Status status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).count();
    }
}
