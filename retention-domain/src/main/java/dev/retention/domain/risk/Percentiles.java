package dev.retention.domain.risk;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.LongToDoubleFunction;

/** Percentiles with linear interpolation between the closest ranks (as PostgreSQL's percentile_cont). */
final class Percentiles {

    private Percentiles() {}

    /** The {@code fraction} percentile of {@code sorted} (ascending, not empty). */
    static double continuous(List<Double> sorted, double fraction) {
        return interpolated(sorted.size(), fraction, rank -> sorted.get((int) rank));
    }

    /** The {@code fraction} percentile of values given with how often each occurs (not empty). */
    static double continuous(SortedMap<Integer, Long> counts, double fraction) {
        long size = counts.values().stream().mapToLong(Long::longValue).sum();
        return interpolated(size, fraction, rank -> valueAt(counts, rank));
    }

    /** Between the values at the ranks either side of fraction * (size - 1), in proportion. */
    private static double interpolated(long size, double fraction, LongToDoubleFunction valueAtRank) {
        double position = fraction * (size - 1);
        long below = (long) Math.floor(position);
        double lower = valueAtRank.applyAsDouble(below);
        return lower + (valueAtRank.applyAsDouble((long) Math.ceil(position)) - lower) * (position - below);
    }

    /** The value at a 0-based rank of the sorted values. */
    private static double valueAt(SortedMap<Integer, Long> counts, long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> count : counts.entrySet()) {
            seen += count.getValue();
            if (rank < seen) {
                return count.getKey();
            }
        }
        throw new IllegalArgumentException("rank " + rank + " beyond " + seen + " values");
    }
}
