package dev.retention.domain.forecast;

import dev.retention.domain.metrics.Lifecycle;
import dev.retention.domain.metrics.LifecycleSink;
import dev.retention.domain.metrics.Spell;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts survivor curves from contractual lifecycles: a customer acquired in cohort period i is alive at boundary
 * i + t while its first spell of activity lasts (its first churn is at or after the boundary).
 */
final class SurvivorTally implements LifecycleSink {

    private record Key(int cohort, String segment) {}

    private final List<LocalDate> periodStarts;
    private final List<Instant> boundaries;
    private final int cohorts;
    private final boolean bySegment;
    private final Map<Key, long[]> counts = new LinkedHashMap<>();

    /**
     * @param periodStarts the first days of the periods from the first cohort's to the last boundary observed
     * @param boundaries their local midnights, the last one ending the observation
     * @param cohorts how many of the first periods are cohorts (the rest are only observed)
     */
    SurvivorTally(List<LocalDate> periodStarts, List<Instant> boundaries, int cohorts, boolean bySegment) {
        this.periodStarts = periodStarts;
        this.boundaries = boundaries;
        this.cohorts = cohorts;
        this.bySegment = bySegment;
    }

    @Override
    public void add(Lifecycle lifecycle, long customers) {
        int cohort = periodOf(lifecycle.acquiredAt());
        if (cohort < 0 || cohort >= cohorts) {
            return;
        }
        long[] alive = counts.computeIfAbsent(
                new Key(cohort, bySegment ? lifecycle.segment() : null), key -> new long[boundaries.size() - cohort]);
        Spell first = lifecycle.spells().isEmpty() ? null : lifecycle.spells().get(0);
        alive[0] += customers;
        for (int t = 1; t < alive.length; t++) {
            if (first == null || !first.activeAt(boundaries.get(cohort + t))) {
                break;
            }
            alive[t] += customers;
        }
    }

    /** One curve per cohort (and segment, when asked), in the order of the cohorts. */
    List<SurvivorCurve> curves() {
        List<SurvivorCurve> curves = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(Key::cohort)
                        .thenComparing(Key::segment, Comparator.nullsLast(Comparator.naturalOrder()))))
                .forEach(entry -> curves.add(new SurvivorCurve(
                        periodStarts.get(entry.getKey().cohort()),
                        entry.getKey().segment(),
                        Arrays.stream(entry.getValue()).boxed().toList())));
        return curves;
    }

    /** The index of the period that contains {@code instant}; -1 before the first, the count after the last. */
    private int periodOf(Instant instant) {
        int found = Collections.binarySearch(boundaries, instant);
        return found >= 0 ? found : -found - 2;
    }
}
