package dev.retention.domain.metrics;

import dev.retention.domain.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
        ChurnModel model,
        Set<EventType> activityTypes,
        Duration inactivityWindow,
        CustomerFilter customers,
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
    public Lifecycle summarisedLifecycle(
            String customerSegment, Instant acquiredAt, Instant memberSince, Instant churnedAt, Instant backAt) {
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
        return LifecyclePolicy.contractual(customerSegment, acquiredAt, changes)
                .orElseThrow()
                .withMemberSince(memberSince);
    }

    /**
     * Whether the spells that the database keeps for {@code keptWindow} and {@code keptTypes} are this query's: they
     * are when the query asks for INACTIVITY with that window and those activity types.
     */
    public boolean usesKeptSpells(Duration keptWindow, Set<EventType> keptTypes) {
        return model == ChurnModel.INACTIVITY && inactivityWindow.equals(keptWindow) && activityTypes.equals(keptTypes);
    }

    /**
     * A lifecycle that every boundary of the query treats like that of each customer whose instants lie in the given
     * stretches between boundaries: stretch k holds the instants from boundary k - 1 (inclusive) to boundary k, stretch
     * 0 those before the first boundary and stretch {@code boundaries.size()} those from the last one on. Whether a
     * customer is active, acquired or a member at a boundary depends only on these stretches, so customers that
     * share them count alike.
     *
     * @param memberStretch the stretch of the loyalty enrolment, or null for none
     * @param spellStarts the stretch of each spell's start, in time order
     * @param spellEnds the stretch of each spell's end
     */
    public Lifecycle lifecycleInStretches(
            String customerSegment, int acquisitionStretch, Integer memberStretch, int[] spellStarts, int[] spellEnds) {
        List<Spell> spells = new ArrayList<>(spellStarts.length);
        for (int i = 0; i < spellStarts.length; i++) {
            spells.add(new Spell(earliestOf(spellStarts[i]), earliestOf(spellEnds[i])));
        }
        return new Lifecycle(
                customerSegment,
                earliestOf(acquisitionStretch),
                spells,
                memberStretch == null ? null : earliestOf(memberStretch));
    }

    /** An instant of stretch k that orders against every boundary as all of the stretch's instants do. */
    private Instant earliestOf(int stretch) {
        return stretch == 0 ? boundaries.get(0).minus(1, ChronoUnit.MICROS) : boundaries.get(stretch - 1);
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
    public Optional<Lifecycle> lifecycle(String customerSegment, Instant acquiredAt, List<StatusChange> events) {
        return lifecycle(customerSegment, acquiredAt, null, events);
    }

    /** The same for a customer enrolled in the loyalty programme at {@code memberSince} (null: never). */
    public Optional<Lifecycle> lifecycle(
            String customerSegment, Instant acquiredAt, Instant memberSince, List<StatusChange> events) {
        return policyLifecycle(customerSegment, acquiredAt, events)
                .map(lifecycle -> lifecycle.withMemberSince(memberSince));
    }

    private Optional<Lifecycle> policyLifecycle(String customerSegment, Instant acquiredAt, List<StatusChange> events) {
        if (model == ChurnModel.CONTRACTUAL) {
            return LifecyclePolicy.contractual(customerSegment, acquiredAt, events);
        }
        List<StatusChange> acquisitions = events.stream()
                .filter(event -> event.type() == EventType.ACQUIRED)
                .toList();
        List<Instant> activity = events.stream()
                .filter(event -> activityTypes.contains(event.type()))
                .map(StatusChange::at)
                .toList();
        return LifecyclePolicy.inactivity(customerSegment, acquiredAt, acquisitions, activity, inactivityWindow);
    }
}
