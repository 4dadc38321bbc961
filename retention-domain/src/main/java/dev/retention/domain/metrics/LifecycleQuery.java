package dev.retention.domain.metrics;

import dev.retention.domain.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which lifecycles to build: the churn model with its settings, an optional segment, and the end of the range
 * (customers acquired later and events at or after it do not matter).
 */
public record LifecycleQuery(
        ChurnModel model, Set<EventType> activityTypes, Duration inactivityWindow, String segment, Instant until) {

    public LifecycleQuery {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(until, "until");
        activityTypes = Set.copyOf(activityTypes);
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
    public java.util.Optional<Lifecycle> lifecycle(String customerSegment, Instant acquiredAt,
            java.util.List<StatusChange> events) {
        if (model == ChurnModel.CONTRACTUAL) {
            return LifecyclePolicy.contractual(customerSegment, acquiredAt, events);
        }
        java.util.List<StatusChange> acquisitions = events.stream()
                .filter(event -> event.type() == EventType.ACQUIRED).toList();
        java.util.List<Instant> activity = events.stream().filter(event -> activityTypes.contains(event.type()))
                .map(StatusChange::at).toList();
        return LifecyclePolicy.inactivity(customerSegment, acquiredAt, acquisitions, activity, inactivityWindow);
    }
}
