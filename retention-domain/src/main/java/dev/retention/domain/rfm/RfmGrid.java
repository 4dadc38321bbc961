package dev.retention.domain.rfm;

import dev.retention.domain.shared.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The 5 × 5 grid of recency and frequency scores, every cell present, and the segments it adds up to. */
public record RfmGrid(List<RfmCell> cells) {

    public RfmGrid {
        cells = List.copyOf(cells);
    }

    /** The grid from the cells that have customers; the others are filled in empty. R from 5 down, then F up. */
    public static RfmGrid of(List<RfmCell> occupied) {
        List<RfmCell> cells = new ArrayList<>(25);
        for (int r = 5; r >= 1; r--) {
            for (int f = 1; f <= 5; f++) {
                int recency = r;
                int frequency = f;
                cells.add(occupied.stream()
                        .filter(cell -> cell.recencyScore() == recency && cell.frequencyScore() == frequency)
                        .findFirst()
                        .orElseGet(() -> RfmCell.empty(recency, frequency)));
            }
        }
        return new RfmGrid(cells);
    }

    /**
     * Every segment, empty ones included, in the order of {@link RfmSegment}: its customers and revenue summed over
     * its cells, and its average scores (null for an empty segment).
     */
    public List<RfmSegmentSummary> segments() {
        List<RfmSegmentSummary> summaries = new ArrayList<>();
        for (RfmSegment segment : RfmSegment.values()) {
            long customers = 0;
            long recencySum = 0;
            long frequencySum = 0;
            long monetarySum = 0;
            BigDecimal revenue = BigDecimal.ZERO;
            for (RfmCell cell : cells) {
                if (cell.segment() == segment) {
                    customers += cell.customers();
                    recencySum += (long) cell.recencyScore() * cell.customers();
                    frequencySum += (long) cell.frequencyScore() * cell.customers();
                    monetarySum += cell.monetaryScoreSum();
                    revenue = revenue.add(cell.revenue());
                }
            }
            summaries.add(new RfmSegmentSummary(
                    segment,
                    customers,
                    revenue,
                    average(recencySum, customers),
                    average(frequencySum, customers),
                    average(monetarySum, customers)));
        }
        return summaries;
    }

    private static BigDecimal average(long sum, long count) {
        return Decimals.ratio(BigDecimal.valueOf(sum), BigDecimal.valueOf(count));
    }
}
