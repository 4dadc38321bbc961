package dev.retention.domain.metrics;

import dev.retention.domain.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which lifecycles to build: the churn model with its settings, which customers, and the boundaries of the
 * periods; the last boundary ends the range (customers acquired later and events at or after it do not matter).
 */
public record LifecycleQuery(
        ChurnModel model, Set<EventType> activityTypes, Duration inactivityWindow, CustomerFilter customers,
        List<Instant> boundaries) {

    public LifecycleQuery {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(customers, "customers");
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
     * Under CONTRACTUAL a customer's status at every boundary follows from its acquisition time and, if it churned
     * once since, its churn time and the time it came back: customers with such a history need no events to be
     * counted, and those whose instants fall between the same boundaries count alike (see
     * {@link #summarisedLifecycle}).
     */
    public boolean summarisedCustomersNeedNoEvents() {
        return model == ChurnModel.CONTRACTUAL;
    }

    /**
     * The lifecycle of a customer acquired at {@code acquiredAt}, enrolled in the loyalty programme at
     * {@code memberSince} (null: never, or not asked), that churned at {@code churnedAt} (null: never before
     * {@link #until()}) and came back at {@code backAt} (null: never before it), by the contractual rules.
     */
    public Lifecycle summarisedLifecycle(String customerSegment, Instant acquiredAt, Instant memberSince,
            Instant churnedAt, Instant backAt) {
        if (!summarisedCustomersNeedNoEvents()) {
            throw new IllegalStateException("under " + model + " every customer's lifecycle depends on its events");
        }
        List<StatusChange> changes = new ArrayList<>(2);
        if (churnedAt != null) {
            changes.add(new StatusChange(churnedAt, EventType.CHURNED));
            if (backAt != null) {
                changes.add(new StatusChange(backAt, EventType.REACTIVATED));
            }
        }
        return LifecyclePolicy.contractual(customerSegment, acquiredAt, changes).orElseThrow()
                .withMemberSince(memberSince);
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
        return lifecycle(customerSegment, acquiredAt, null, events);
    }

    /** The same for a customer enrolled in the loyalty programme at {@code memberSince} (null: never). */
    public Optional<Lifecycle> lifecycle(String customerSegment, Instant acquiredAt, Instant memberSince,
            List<StatusChange> events) {
        return policyLifecycle(customerSegment, acquiredAt, events)
                .map(lifecycle -> lifecycle.withMemberSince(memberSince));
    }

    private Optional<Lifecycle> policyLifecycle(String customerSegment, Instant acquiredAt,
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
