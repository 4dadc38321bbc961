package dev.retention.domain.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's acquisition and activity spells (disjoint, in time order), the segment it counts under, and when it
 * enrolled in the loyalty programme ({@code memberSince}; null when it never did, or when the query does not ask).
 */
public record Lifecycle(String segment, Instant acquiredAt, List<Spell> spells, Instant memberSince) {

    public Lifecycle {
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        spells = List.copyOf(spells);
    }

    public Lifecycle(String segment, Instant acquiredAt, List<Spell> spells) {
        this(segment, acquiredAt, spells, null);
    }

    public Lifecycle withMemberSince(Instant enrolledAt) {
        return Objects.equals(enrolledAt, memberSince) ? this : new Lifecycle(segment, acquiredAt, spells, enrolledAt);
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
