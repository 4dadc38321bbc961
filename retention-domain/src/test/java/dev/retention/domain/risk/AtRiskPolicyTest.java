package dev.retention.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.domain.risk.AtRiskPolicy.FirstGapCount;
import dev.retention.domain.risk.AtRiskPolicy.OneTimeThresholds;
import dev.retention.domain.risk.AtRiskPolicy.Threshold;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AtRiskPolicyTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void aRhythmCountsPurchaseDaysInUtcAndTakesTheMedianOfTheirGaps() {
        // Days 1, 2 (twice, once late in the evening), 5, 15 and 16 of March: gaps 1, 3, 10, 1; sorted 1, 1, 3, 10.
        PurchaseRhythm rhythm = PurchaseRhythm.of(List.of(
                at("2026-03-05T10:00:00Z"),
                at("2026-03-01T08:00:00Z"),
                at("2026-03-02T00:00:00Z"),
                at("2026-03-02T23:59:59Z"),
                at("2026-03-15T12:00:00Z"),
                at("2026-03-16T00:30:00Z")));

        assertThat(rhythm.purchaseDays()).isEqualTo(5);
        assertThat(rhythm.medianGapDays()).isEqualTo(2.0); // (1 + 3) / 2
        assertThat(rhythm.firstGapDays()).isEqualTo(1);
        assertThat(rhythm.lastPurchaseAt()).isEqualTo(at("2026-03-16T00:30:00Z"));
        assertThat(rhythm.oneTimeBuyer()).isFalse();
    }

    @Test
    void purchasesOnOneDayMakeAOneTimeBuyer() {
        PurchaseRhythm rhythm = PurchaseRhythm.of(List.of(at("2026-03-01T08:00:00Z"), at("2026-03-01T21:00:00Z")));

        assertThat(rhythm.oneTimeBuyer()).isTrue();
        assertThat(rhythm.medianGapDays()).isNull();
        assertThat(rhythm.firstGapDays()).isNull();
    }

    @Test
    void oneTimeThresholdsAreThe90thPercentileOfFirstGapsPerSegmentAndOverall() {
        // retail 10, 10, 30: position 0.9 * 2 = 1.8, so 10 + 0.8 * 20 = 26; all 10, 10, 10, 30, 50: position 3.6,
        // so 30 + 0.6 * 20 = 42; sme has one repeat buyer: its gap.
        OneTimeThresholds thresholds = OneTimeThresholds.of(List.of(
                new FirstGapCount("retail", 10, 2),
                new FirstGapCount("retail", 30, 1),
                new FirstGapCount("sme", 50, 1),
                new FirstGapCount(null, 10, 1)));

        assertThat(thresholds.bySegment().get("retail")).isCloseTo(26.0, within(1e-12));
        assertThat(thresholds.bySegment().get("sme")).isEqualTo(50.0);
        assertThat(thresholds.overall()).isCloseTo(42.0, within(1e-12));

        PurchaseRhythm once = PurchaseRhythm.of(List.of(at("2026-01-01T00:00:00Z")));
        assertThat(AtRiskPolicy.threshold(once, "retail", thresholds))
                .get()
                .satisfies(threshold -> assertThat(threshold.segment()).isEqualTo("retail"));
        assertThat(AtRiskPolicy.threshold(once, "wholesale", thresholds))
                .get()
                .satisfies(threshold -> assertThat(threshold.segment()).isNull())
                .satisfies(threshold -> assertThat(threshold.days()).isCloseTo(42.0, within(1e-12)));
        assertThat(AtRiskPolicy.threshold(once, null, thresholds))
                .get()
                .satisfies(threshold -> assertThat(threshold.days()).isCloseTo(42.0, within(1e-12)));
        assertThat(AtRiskPolicy.threshold(once, null, OneTimeThresholds.of(List.of())))
                .isEmpty();
    }

    @Test
    void aRepeatBuyerIsOverdueAfterTwiceItsMedianGap() {
        PurchaseRhythm rhythm = PurchaseRhythm.of(List.of(at("2026-01-01T12:00:00Z"), at("2026-01-11T12:00:00Z")));
        Threshold threshold = AtRiskPolicy.threshold(rhythm, "retail", new OneTimeThresholds(Map.of(), 5.0))
                .orElseThrow();

        assertThat(threshold.days()).isEqualTo(20.0);
        assertThat(threshold.segment()).isNull();
        assertThat(AtRiskPolicy.overdue(rhythm, threshold, at("2026-01-31T12:00:00Z")))
                .isFalse(); // exactly 20
        assertThat(AtRiskPolicy.overdue(rhythm, threshold, at("2026-01-31T12:00:01Z")))
                .isTrue();
        assertThat(AtRiskPolicy.silentDays(rhythm.lastPurchaseAt(), at("2026-01-12T00:00:00Z")))
                .isEqualTo(0.5);
    }

    @Test
    void aChurnIsUndoneOnlyByAComebackAtOrAfterItAndNotAfterAsOf() {
        Instant asOf = at("2026-06-01T00:00:00Z");
        List<Instant> churn = List.of(at("2026-03-01T00:00:00Z"));

        assertThat(AtRiskPolicy.active(List.of(), List.of(), asOf)).isTrue();
        assertThat(AtRiskPolicy.active(churn, List.of(), asOf)).isFalse();
        assertThat(AtRiskPolicy.active(churn, List.of(at("2026-03-01T00:00:00Z")), asOf))
                .isTrue();
        assertThat(AtRiskPolicy.active(churn, List.of(at("2026-02-01T00:00:00Z")), asOf))
                .isFalse();
        assertThat(AtRiskPolicy.active(churn, List.of(at("2026-07-01T00:00:00Z")), asOf))
                .isFalse();
        assertThat(AtRiskPolicy.active(List.of(at("2026-07-01T00:00:00Z")), List.of(), asOf))
                .isTrue();
    }

    @Test
    void theValueWindowIsTwelveCalendarMonthsInUtc() {
        assertThat(AtRiskPolicy.valueWindowStart(at("2026-02-28T10:00:00Z"))).isEqualTo(at("2025-02-28T10:00:00Z"));
        assertThat(AtRiskPolicy.valueWindowStart(at("2028-02-29T10:00:00Z"))).isEqualTo(at("2027-02-28T10:00:00Z"));
    }

    @Test
    void theListRunsByValueThenByCustomerIdAsUnsignedBytes() {
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000"); // negative as a signed long

        assertThat(AtRiskPolicy.rank(new BigDecimal("10"), high, new BigDecimal("9.99"), low))
                .isNegative();
        assertThat(AtRiskPolicy.rank(new BigDecimal("10"), low, new BigDecimal("10.00"), high))
                .isNegative();
        assertThat(AtRiskPolicy.rank(new BigDecimal("10"), high, new BigDecimal("10.00"), low))
                .isPositive();
    }
}
