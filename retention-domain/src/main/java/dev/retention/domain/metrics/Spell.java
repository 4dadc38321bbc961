package dev.retention.domain.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of activity: the customer is active at every boundary b with {@code from < b <= until}; {@code until}
 * is null while the spell lasts. The bounds follow from the rule that the state at b reflects the events before b.
 */
public record Spell(Instant from, Instant until) {

    public Spell {
        Objects.requireNonNull(from, "from");
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("until before from");
        }
    }

    public boolean activeAt(Instant boundary) {
        return from.isBefore(boundary) && (until == null || !boundary.isAfter(until));
    }
}
