package dev.retention.domain.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RfmSegmentTest {

    /** The README's table, row by row from R = 5 down to R = 1, columns F = 1 to 5. */
    private static final String[][] TABLE = {
        {"New Customers", "Potential Loyalists", "Potential Loyalists", "Champions", "Champions"},
        {"Promising", "Potential Loyalists", "Potential Loyalists", "Loyal Customers", "Loyal Customers"},
        {"About to Sleep", "About to Sleep", "Need Attention", "Loyal Customers", "Loyal Customers"},
        {"Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"},
        {"Lost", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"},
    };

    @Test
    void everyCellOfTheTableMapsAsWritten() {
        for (int row = 0; row < 5; row++) {
            int r = 5 - row;
            for (int f = 1; f <= 5; f++) {
                assertThat(RfmSegment.of(r, f).label()).as("R %d F %d", r, f).isEqualTo(TABLE[row][f - 1]);
            }
        }
    }

    @Test
    void scoresOutsideOneToFiveAreRefused() {
        assertThatThrownBy(() -> RfmSegment.of(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RfmSegment.of(3, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
