package dev.retention.domain.metrics;

import dev.retention.domain.event.EventType;
import java.time.Duration;
import java.util.Set;

/**
 * The INACTIVITY spells (see {@link LifecyclePolicy#inactivity}) that the store keeps up to date for one window and
 * set of activity types, so that the usual question is answered without reading events.
 */
public interface KeptActivitySpells {

    /** How many spells are kept, and for which window and activity types. */
    record Kept(long spells, Duration window, Set<EventType> activityTypes) {}

    /**
     * Makes the kept spells those of {@code window} and {@code activityTypes}, recomputing every customer's spells
     * from its events when they were kept for other settings.
     *
     * @return how many spells were recomputed, or -1 when the kept spells already had these settings
     */
    long keepFor(Duration window, Set<EventType> activityTypes);

    /** Recomputes every customer's spells from its events, for the settings they are kept for. */
    Kept rebuild();
}
