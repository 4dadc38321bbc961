package dev.retention.domain.rfm;

import dev.retention.domain.shared.StoredIdOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How customers' figures become scores: for each figure the customers are put in ascending order, ties broken by
 * customer id in {@link StoredIdOrder}, and cut into five groups like SQL's
 * {@code NTILE(5)}: equal sizes, the first {@code n mod 5} groups one larger. The first group scores 1, the last 5; the
 * segment follows {@link RfmSegment#of}. {@link RfmBook} applies it to the kept histories; the database restates it
 * for deployments that do not keep them.
 */
public final class RfmRanking {

    private RfmRanking() {}

    /** The score 1 to 5 of the customer at {@code rank} (1 = lowest) among {@code count}. */
    public static int quintile(long rank, long count) {
        if (rank < 1 || rank > count) {
            throw new IllegalArgumentException("rank " + rank + " is not among " + count);
        }
        long size = count / 5;
        long larger = count % 5;
        // The first `larger` groups hold size + 1 customers each.
        long inLarger = larger * (size + 1);
        return rank <= inLarger
                ? (int) ((rank - 1) / (size + 1)) + 1
                : (int) (larger + (rank - inLarger - 1) / size) + 1;
    }

    /** Every customer's scores, in the order of the figures given. */
    public static List<RfmScore> score(List<RfmFigures> figures, Instant asOf) {
        Integer[] byId = new Integer[figures.size()];
        for (int i = 0; i < byId.length; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, Comparator.comparing(i -> figures.get(i).customerId(), StoredIdOrder.ORDER));
        int[] recency = inGivenOrder(byId, quintiles(ranks(figures, byId, RfmFigures::lastPurchaseAt)));
        int[] frequency = inGivenOrder(byId, quintiles(ranks(figures, byId, RfmFigures::frequency)));
        int[] monetary = inGivenOrder(byId, quintiles(ranks(figures, byId, RfmFigures::monetary)));
        List<RfmScore> scores = new ArrayList<>(figures.size());
        for (int i = 0; i < figures.size(); i++) {
            RfmFigures customer = figures.get(i);
            scores.add(new RfmScore(
                    customer.customerId(),
                    customer.lastPurchaseAt(),
                    Duration.between(customer.lastPurchaseAt(), asOf).toDays(),
                    customer.frequency(),
                    customer.monetary(),
                    recency[i],
                    frequency[i],
                    monetary[i],
                    RfmSegment.of(recency[i], frequency[i])));
        }
        return scores;
    }

    /**
     * The quintile of each customer's figure, the customers given in id order ({@link StoredIdOrder}), so that a tie
     * goes to the customer given first. Only the four cut ranks are located (one sort of the values, then the tied
     * customers at each cut counted in id order); a customer scores one more than the number of cuts below it.
     */
    public static int[] quintiles(long[] figure) {
        int count = figure.length;
        long[] sorted = figure.clone();
        Arrays.sort(sorted);
        long[] cutValue = new long[4];
        int[] cutPosition = new int[4];
        for (int k = 1; k <= 4 && count > 0; k++) {
            long rank = (long) k * (count / 5) + Math.min(k, count % 5);
            long value = sorted[(int) rank - 1];
            long tiesBefore = rank - firstAtLeast(sorted, value);
            cutValue[k - 1] = value;
            cutPosition[k - 1] = tiedAt(figure, value, tiesBefore);
        }
        int[] scores = new int[count];
        for (int i = 0; i < count; i++) {
            int score = 1;
            for (int k = 0; k < 4; k++) {
                if (figure[i] > cutValue[k] || (figure[i] == cutValue[k] && i > cutPosition[k])) {
                    score++;
                }
            }
            scores[i] = score;
        }
        return scores;
    }

    /** The first index of a value at least {@code value} in ascending {@code sorted}. */
    private static int firstAtLeast(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The position of the {@code nth} (1-based) customer whose figure is {@code value}. */
    private static int tiedAt(long[] figure, long value, long nth) {
        long seen = 0;
        for (int i = 0; i < figure.length; i++) {
            if (figure[i] == value && ++seen == nth) {
                return i;
            }
        }
        throw new IllegalStateException("fewer than " + nth + " customers have the figure " + value);
    }

    /** Each customer's place among the distinct values of a figure, in the order {@code byId}. */
    private static <T extends Comparable<? super T>> long[] ranks(
            List<RfmFigures> figures, Integer[] byId, Function<RfmFigures, T> figure) {
        // By compareTo, not equals: 40.0 and 40.00 are one amount.
        List<T> distinct =
                new ArrayList<>(new TreeSet<>(figures.stream().map(figure).toList()));
        long[] ranks = new long[byId.length];
        for (int i = 0; i < byId.length; i++) {
            ranks[i] = Collections.binarySearch(distinct, figure.apply(figures.get(byId[i])));
        }
        return ranks;
    }

    private static int[] inGivenOrder(Integer[] byId, int[] scores) {
        int[] given = new int[scores.length];
        for (int i = 0; i < byId.length; i++) {
            given[byId[i]] = scores[i];
        }
        return given;
    }
}
