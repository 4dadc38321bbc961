package dev.retention.domain.metrics;

import dev.retention.domain.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which lifecycles to build: the churn model with its settings, an optional segment, and the boundaries of the
 * periods; the last boundary ends the range (customers acquired later and events at or after it do not matter).
 */
public record LifecycleQuery(
        ChurnModel model, Set<EventType> activityTypes, Duration inactivityWindow, String segment,
        List<Instant> boundaries) {

    public LifecycleQuery {
        Objects.requireNonNull(model, "model");
        activityTypes = Set.copyOf(activityTypes);
        boundaries = List.copyOf(boundaries);
        if (boundaries.isEmpty()) {
            throw new IllegalArgumentException("no boundaries");
        }
    }

    public Instant until() {
        return boundaries.get(boundaries.size() - 1);
    }

    /**
     * Under CONTRACTUAL, a customer acquired at {@code acquiredAt} (and not earlier by an ACQUIRED event) with no
     * CHURNED event before {@link #until()} is active from acquisition on, whatever else happened: such customers
     * need no events to be counted, and those acquired between the same two boundaries count alike.
     */
    public boolean steadyCustomersNeedNoEvents() {
        return model == ChurnModel.CONTRACTUAL;
    }

    /** The lifecycle of a steady customer (see {@link #steadyCustomersNeedNoEvents()}). */
    public Lifecycle steadyLifecycle(String customerSegment, Instant acquiredAt) {
        if (!steadyCustomersNeedNoEvents()) {
            throw new IllegalStateException("under " + model + " every customer's lifecycle depends on its events");
        }
        return new Lifecycle(customerSegment, acquiredAt, List.of(new Spell(acquiredAt, null)));
    }

    /** The event types the lifecycles are built from. */
    public Set<EventType> eventTypes() {
        Set<EventType> types = EnumSet.of(EventType.ACQUIRED);
        if (model == ChurnModel.CONTRACTUAL) {
            types.add(EventType.CHURNED);
            types.add(EventType.REACTIVATED);
        } else {
            types.addAll(activityTypes);
        }
        return types;
    }

    /** Builds one customer's lifecycle from its acquisition time and the events of {@link #eventTypes()}. */
    public Optional<Lifecycle> lifecycle(String customerSegment, Instant acquiredAt,
            List<StatusChange> events) {
        if (model == ChurnModel.CONTRACTUAL) {
            return LifecyclePolicy.contractual(customerSegment, acquiredAt, events);
        }
        List<StatusChange> acquisitions = events.stream()
                .filter(event -> event.type() == EventType.ACQUIRED).toList();
        List<Instant> activity = events.stream().filter(event -> activityTypes.contains(event.type()))
                .map(StatusChange::at).toList();
        return LifecyclePolicy.inactivity(customerSegment, acquiredAt, acquisitions, activity, inactivityWindow);
    }
}
