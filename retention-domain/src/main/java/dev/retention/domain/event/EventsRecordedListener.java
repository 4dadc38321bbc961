package dev.retention.domain.event;

import java.util.List;

/** Reacts to newly stored events inside the transaction that stores them; what it writes commits with them. */
@FunctionalInterface
public interface EventsRecordedListener {

    EventsRecordedListener NONE = created -> {};

    /** The events this batch stored for the first time (not duplicates of stored ones). */
    void recorded(List<CustomerEvent> created);
}
