package dev.retention.domain.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A customer's acquisition and activity spells (disjoint, in time order), and the segment it counts under. */
public record Lifecycle(String segment, Instant acquiredAt, List<Spell> spells) {

    public Lifecycle {
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        spells = List.copyOf(spells);
    }

    public boolean activeAt(Instant boundary) {
        for (Spell spell : spells) {
            if (spell.activeAt(boundary)) {
                return true;
            }
        }
        return false;
    }
}
