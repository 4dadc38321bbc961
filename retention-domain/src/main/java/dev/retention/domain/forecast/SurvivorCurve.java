package dev.retention.domain.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A cohort of customers acquired in the period starting on {@code cohort} (of {@code segment}, null for none or for
 * several), and how many of them had not churned yet at the start of each period after it: alive(0) is the cohort's
 * size, alive(t) the number still there at the start of period cohort + t. Under the contractual model a customer
 * who churned is gone for good here, even if it came back later: the model describes the first churn.
 */
public record SurvivorCurve(LocalDate cohort, String segment, List<Long> aliveCounts) {

    public SurvivorCurve {
        Objects.requireNonNull(cohort, "cohort");
        aliveCounts = List.copyOf(aliveCounts);
        if (aliveCounts.isEmpty()) {
            throw new IllegalArgumentException("a curve starts with the cohort's size");
        }
        for (int t = 1; t < aliveCounts.size(); t++) {
            if (aliveCounts.get(t) > aliveCounts.get(t - 1) || aliveCounts.get(t) < 0) {
                throw new IllegalArgumentException("survivors must not grow: " + aliveCounts);
            }
        }
    }

    public long size() {
        return aliveCounts.get(0);
    }

    /** The number of periods after acquisition observed: alive(t) is known for t up to this. */
    public int observedPeriods() {
        return aliveCounts.size() - 1;
    }

    public long alive(int t) {
        return aliveCounts.get(t);
    }
}
