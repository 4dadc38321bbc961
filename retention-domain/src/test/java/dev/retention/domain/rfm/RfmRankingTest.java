package dev.retention.domain.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.domain.rfm.RfmFigures.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RfmRankingTest {

    private static final RfmQuery JUNE = new RfmQuery(Instant.parse("2026-07-01T00:00:00Z"), 30);

    private static Money purchase(String at, String amount) {
        return new Money(false, Instant.parse(at), new BigDecimal(amount));
    }

    private static Money refund(String at, String amount) {
        return new Money(true, Instant.parse(at), new BigDecimal(amount));
    }

    private static int[] quintiles(int count) {
        return IntStream.rangeClosed(1, count)
                .map(rank -> RfmRanking.quintile(rank, count))
                .toArray();
    }

    @Test
    void quintilesAreEqualGroupsWithTheFirstCountModFiveOneLarger() {
        // 7 = 2 + 2 + 1 + 1 + 1; 12 = 3 + 3 + 2 + 2 + 2; fewer than five leave the top groups empty.
        assertThat(quintiles(7)).containsExactly(1, 1, 2, 2, 3, 4, 5);
        assertThat(quintiles(12)).containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(quintiles(10)).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(quintiles(3)).containsExactly(1, 2, 3);
        assertThat(quintiles(1)).containsExactly(1);
    }

    @Test
    void aRankOutsideTheCountIsRefused() {
        assertThatThrownBy(() -> RfmRanking.quintile(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RfmRanking.quintile(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWindowLeavesOutItsStartAndKeepsItsEndAndRefundsInItAreTakenOff() {
        UUID id = UUID.randomUUID();
        List<Money> history = List.of(
                purchase("2026-06-01T00:00:00Z", "1000"), // the window's start: out
                purchase("2026-06-10T10:00:00Z", "30"),
                refund("2026-06-12T10:00:00Z", "5"),
                refund("2026-05-20T10:00:00Z", "70"), // before the window
                purchase("2026-07-01T00:00:00Z", "20"), // the window's end: in
                purchase("2026-07-01T00:00:01Z", "500")); // after it

        RfmFigures figures = RfmFigures.of(id, history, JUNE).orElseThrow();

        assertThat(figures.lastPurchaseAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(figures.frequency()).isEqualTo(2);
        assertThat(figures.monetary()).isEqualByComparingTo("45");
    }

    @Test
    void aCustomerWithOnlyRefundsInTheWindowHasNoFigures() {
        List<Money> history = List.of(purchase("2026-05-01T10:00:00Z", "80"), refund("2026-06-15T10:00:00Z", "80"));

        assertThat(RfmFigures.of(UUID.randomUUID(), history, JUNE)).isEmpty();
    }

    @Test
    void tiesGoByTheIdsBytesSoAnIdStartingAbove7fComesLaterThanJavasSignedOrderSays() {
        List<UUID> inByteOrder = List.of(
                UUID.fromString("00000000-0000-4000-8000-000000000001"),
                UUID.fromString("10000000-0000-4000-8000-000000000000"),
                UUID.fromString("7fffffff-0000-4000-8000-000000000000"),
                UUID.fromString("80000000-0000-4000-8000-000000000000"),
                UUID.fromString("ffffffff-0000-4000-8000-000000000000"));
        List<RfmFigures> figures = new ArrayList<>();
        // Listed in reverse, all with the same figures: only the ids order them.
        for (int i = 4; i >= 0; i--) {
            figures.add(new RfmFigures(
                    inByteOrder.get(i), Instant.parse("2026-06-20T10:00:00Z"), 2, new BigDecimal("40.00")));
        }

        List<RfmScore> scores = RfmRanking.score(figures, JUNE.asOf());

        for (RfmScore score : scores) {
            int expected = inByteOrder.indexOf(score.customerId()) + 1;
            assertThat(score.recencyScore()).isEqualTo(expected);
            assertThat(score.frequencyScore()).isEqualTo(expected);
            assertThat(score.monetaryScore()).isEqualTo(expected);
        }
    }

    @Test
    void eachFigureIsRankedOnItsOwnAndTheSegmentFollowsRecencyAndFrequency() {
        UUID a = UUID.fromString("00000000-0000-4000-8000-00000000000a");
        UUID b = UUID.fromString("00000000-0000-4000-8000-00000000000b");
        UUID c = UUID.fromString("00000000-0000-4000-8000-00000000000c");
        UUID d = UUID.fromString("00000000-0000-4000-8000-00000000000d");
        UUID e = UUID.fromString("00000000-0000-4000-8000-00000000000e");
        /*
         *      last purchase  F  M      R  F  M   segment (R, F)
         *   a  06-30          1  10     5  1  1   New Customers
         *   b  06-05          6  300    1  5  5   Can't Lose Them
         *   c  06-20          3  100    3  3  3   Need Attention
         *   d  06-25          4  50     4  4  2   Loyal Customers
         *   e  06-10          2  200    2  2  4   Hibernating
         */
        List<RfmFigures> figures = List.of(
                new RfmFigures(a, Instant.parse("2026-06-30T10:00:00Z"), 1, new BigDecimal("10")),
                new RfmFigures(b, Instant.parse("2026-06-05T10:00:00Z"), 6, new BigDecimal("300")),
                new RfmFigures(c, Instant.parse("2026-06-20T10:00:00Z"), 3, new BigDecimal("100")),
                new RfmFigures(d, Instant.parse("2026-06-25T10:00:00Z"), 4, new BigDecimal("50")),
                new RfmFigures(e, Instant.parse("2026-06-10T10:00:00Z"), 2, new BigDecimal("200")));

        List<RfmScore> scores = RfmRanking.score(figures, JUNE.asOf());

        assertThat(scores).extracting(RfmScore::recencyScore).containsExactly(5, 1, 3, 4, 2);
        assertThat(scores).extracting(RfmScore::frequencyScore).containsExactly(1, 5, 3, 4, 2);
        assertThat(scores).extracting(RfmScore::monetaryScore).containsExactly(1, 5, 3, 2, 4);
        assertThat(scores)
                .extracting(RfmScore::segment)
                .containsExactly(
                        RfmSegment.NEW_CUSTOMERS,
                        RfmSegment.CANT_LOSE_THEM,
                        RfmSegment.NEED_ATTENTION,
                        RfmSegment.LOYAL_CUSTOMERS,
                        RfmSegment.HIBERNATING);
        // 06-30T10:00 to 07-01T00:00 is 14 hours: zero whole days.
        assertThat(scores.get(0).recencyDays()).isZero();
        assertThat(scores.get(1).recencyDays()).isEqualTo(25);
    }
}
