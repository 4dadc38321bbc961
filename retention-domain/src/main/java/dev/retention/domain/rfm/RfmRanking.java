package dev.retention.domain.rfm;

import dev.retention.domain.shared.StoredIdOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * How customers' figures become scores: for each figure the customers are put in ascending order, ties broken by
 * customer id in {@link StoredIdOrder}, and cut into five groups like SQL's
 * {@code NTILE(5)}: equal sizes, the first {@code n mod 5} groups one larger. The first group scores 1, the last 5; the
 * segment follows {@link RfmSegment#of}. The database restates this rule to score a million customers at once.
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
        int[] recency = quintiles(figures, RfmFigures::lastPurchaseAt);
        int[] frequency = quintiles(figures, RfmFigures::frequency);
        int[] monetary = quintiles(figures, RfmFigures::monetary);
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

    private static <T extends Comparable<? super T>> int[] quintiles(
            List<RfmFigures> figures, Function<RfmFigures, T> figure) {
        List<Integer> order = new ArrayList<>(figures.size());
        for (int i = 0; i < figures.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> figure.apply(figures.get(i)))
                .thenComparing(i -> figures.get(i).customerId(), StoredIdOrder.ORDER));
        int[] scores = new int[figures.size()];
        for (int rank = 1; rank <= order.size(); rank++) {
            scores[order.get(rank - 1)] = quintile(rank, order.size());
        }
        return scores;
    }
}
