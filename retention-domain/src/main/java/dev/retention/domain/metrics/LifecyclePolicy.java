package dev.retention.domain.metrics;

import dev.retention.domain.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a customer's events into activity spells, under either churn model. The state at a boundary b is the
 * status after all events with {@code occurredAt < b}, so an event at t changes the status of boundaries after t.
 *
 * <p>Acquisition is the earlier of the customer's {@code acquiredAt} and its first ACQUIRED event; a customer with
 * neither was never acquired and has no lifecycle. Events before acquisition do not change the status.
 */
public final class LifecyclePolicy {

    /** Among events at the same instant, acquisition applies first, then churn, then reactivation. */
    private static final Comparator<StatusChange> ORDER = Comparator.comparing(StatusChange::at)
            .thenComparingInt(change -> switch (change.type()) {
                case ACQUIRED -> 0;
                case CHURNED -> 1;
                default -> 2;
            });

    private LifecyclePolicy() {}

    public static Optional<Instant> acquisition(Instant acquiredAt, List<StatusChange> changes) {
        Instant first = acquiredAt;
        for (StatusChange change : changes) {
            if (change.type() == EventType.ACQUIRED
                    && (first == null || change.at().isBefore(first))) {
                first = change.at();
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * CONTRACTUAL: active from acquisition until a CHURNED event; REACTIVATED (or a later ACQUIRED) makes the
     * customer active again. Other events do not matter.
     */
    public static Optional<Lifecycle> contractual(String segment, Instant acquiredAt, List<StatusChange> changes) {
        Optional<Instant> acquisition = acquisition(acquiredAt, changes);
        if (acquisition.isEmpty()) {
            return Optional.empty();
        }
        Instant acquired = acquisition.get();
        List<StatusChange> ordered = changes.stream()
                .filter(change -> !change.at().isBefore(acquired))
                .sorted(ORDER)
                .toList();
        List<Spell> spells = new ArrayList<>();
        Instant spellStart = acquired;
        for (StatusChange change : ordered) {
            boolean active = spellStart != null;
            if (change.type() == EventType.CHURNED && active) {
                addUnlessEmpty(spells, spellStart, change.at());
                spellStart = null;
            } else if ((change.type() == EventType.REACTIVATED || change.type() == EventType.ACQUIRED) && !active) {
                spellStart = change.at();
            }
        }
        if (spellStart != null) {
            spells.add(new Spell(spellStart, null));
        }
        return Optional.of(new Lifecycle(segment, acquired, spells));
    }

    /**
     * INACTIVITY: acquisition and every activity event keep the customer active for {@code window}; at boundary b
     * the customer is active iff acquired before b and {@code b <= lastActivityBefore(b) + window}.
     *
     * @param activity the times of the customer's activity events, in any order
     */
    public static Optional<Lifecycle> inactivity(
            String segment, Instant acquiredAt, List<StatusChange> changes, List<Instant> activity, Duration window) {
        Optional<Instant> acquisition = acquisition(acquiredAt, changes);
        if (acquisition.isEmpty()) {
            return Optional.empty();
        }
        Instant acquired = acquisition.get();
        List<Instant> points = new ArrayList<>();
        points.add(acquired);
        activity.stream().filter(at -> !at.isBefore(acquired)).sorted().forEach(points::add);
        List<Spell> spells = new ArrayList<>();
        Instant from = points.get(0);
        Instant until = from.plus(window);
        for (Instant point : points.subList(1, points.size())) {
            if (point.isAfter(until)) {
                spells.add(new Spell(from, until));
                from = point;
            }
            Instant reach = point.plus(window);
            if (reach.isAfter(until)) {
                until = reach;
            }
        }
        spells.add(new Spell(from, until));
        return Optional.of(new Lifecycle(segment, acquired, spells));
    }

    private static void addUnlessEmpty(List<Spell> spells, Instant from, Instant until) {
        if (until.isAfter(from)) {
            spells.add(new Spell(from, until));
        }
    }
}
