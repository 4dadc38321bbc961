package dev.retention.domain.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmGridTest {

    /**
     * Loyal customers are (R 4, F 4-5) and (R 3, F 4-5): cells (4, 4) with 2 customers, monetary scores 3 + 4, 100;
     * (3, 5) with 1 customer, monetary score 5, 50. Average R = (4 + 4 + 3) / 3 = 3.6667, F = (4 + 4 + 5) / 3 =
     * 4.3333, M = (3 + 4 + 5) / 3 = 4.
     */
    @Test
    void aSegmentAddsUpItsCellsAndAveragesItsCustomersScores() {
        RfmGrid grid = RfmGrid.of(List.of(
                new RfmCell(4, 4, RfmSegment.LOYAL_CUSTOMERS, 2, new BigDecimal("100"), 7),
                new RfmCell(3, 5, RfmSegment.LOYAL_CUSTOMERS, 1, new BigDecimal("50"), 5)));

        RfmSegmentSummary loyal = grid.segments().stream()
                .filter(summary -> summary.segment() == RfmSegment.LOYAL_CUSTOMERS)
                .findFirst()
                .orElseThrow();

        assertThat(loyal.customers()).isEqualTo(3);
        assertThat(loyal.revenue()).isEqualByComparingTo("150");
        assertThat(loyal.averageRecency()).isEqualByComparingTo("3.6667");
        assertThat(loyal.averageFrequency()).isEqualByComparingTo("4.3333");
        assertThat(loyal.averageMonetary()).isEqualByComparingTo("4");
    }

    @Test
    void everyCellAndEverySegmentIsThereEmptyOnesIncluded() {
        RfmGrid grid = RfmGrid.of(List.of());

        assertThat(grid.cells()).hasSize(25);
        assertThat(grid.cells().get(0))
                .extracting(RfmCell::recencyScore, RfmCell::frequencyScore, RfmCell::segment)
                .containsExactly(5, 1, RfmSegment.NEW_CUSTOMERS);
        assertThat(grid.cells().get(24))
                .extracting(RfmCell::recencyScore, RfmCell::frequencyScore, RfmCell::segment)
                .containsExactly(1, 5, RfmSegment.CANT_LOSE_THEM);
        assertThat(grid.segments()).hasSize(RfmSegment.values().length);
        assertThat(grid.segments()).allSatisfy(summary -> {
            assertThat(summary.customers()).isZero();
            assertThat(summary.averageRecency()).isNull();
        });
    }
}
