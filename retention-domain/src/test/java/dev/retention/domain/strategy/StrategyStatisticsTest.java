package dev.retention.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The effect statistics and the holdout split, against values worked out by hand. */
class StrategyStatisticsTest {

    @Test
    void twoProportionsByHand() {
        // 60 of 100 against 45 of 100: uplift 0.15; SE = sqrt(0.6 × 0.4 / 100 + 0.45 × 0.55 / 100) = 0.06982120;
        // interval 0.15 ± 1.959964 × 0.06982120 = 0.15 ± 0.1368470 = [0.013153, 0.286847]; pooled p = 0.525,
        // z = 0.15 / sqrt(0.525 × 0.475 × 0.02) = 2.12398.
        Comparison retention = Comparison.proportions(60, 100, 45, 100, true);

        assertThat(retention.uplift()).isCloseTo(0.15, within(1e-12));
        assertThat(retention.lower()).isCloseTo(0.013153, within(1e-6));
        assertThat(retention.upper()).isCloseTo(0.286847, within(1e-6));
        assertThat(retention.statistic()).isCloseTo(2.12398, within(1e-5));
        assertThat(retention.verdict()).isEqualTo(Verdict.SIGNIFICANT_POSITIVE);
        // The same difference in churn is bad news: more churn in treatment.
        assertThat(Comparison.proportions(60, 100, 45, 100, false).verdict()).isEqualTo(Verdict.SIGNIFICANT_NEGATIVE);
        assertThat(Comparison.proportions(52, 100, 45, 100, true).verdict()).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(Comparison.proportions(5, 0, 1, 10, true).uplift()).isNull();
    }

    @Test
    void welchByHand() {
        // Treatment 10, 12, 14: mean 12, s² 4; holdout 8, 9, 10, 11: mean 9.5, s² 5/3. SE² = 4/3 + 5/12 = 1.75,
        // t = 2.5 / sqrt(1.75) = 1.88982; df = 1.75² / ((4/3)² / 2 + (5/12)² / 3) = 3.23467, so the quantile lies
        // between the tables' t(0.975; 4) = 2.776 and t(0.975; 3) = 3.182, and the interval contains 0.
        Comparison revenue = Comparison.means(new double[] {10, 12, 14}, new double[] {8, 9, 10, 11}, true);

        assertThat(revenue.uplift()).isCloseTo(2.5, within(1e-12));
        assertThat(revenue.statistic()).isCloseTo(1.88982, within(1e-5));
        double quantile = (revenue.upper() - revenue.uplift()) / Math.sqrt(1.75);
        assertThat(quantile).isBetween(2.776, 3.182);
        assertThat(revenue.verdict()).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(Comparison.means(new double[] {1}, new double[] {1, 2}, true).uplift())
                .isNull();
    }

    @Test
    void theHoldoutShareIsNearItsSettingAndTheSplitIsStable() {
        Random random = new Random(42);
        UUID strategy = new UUID(random.nextLong(), random.nextLong());
        int holdout = 0;
        for (int i = 0; i < 10_000; i++) {
            UUID customer = new UUID(random.nextLong(), random.nextLong());
            Group group = Group.of(strategy, customer, 10);
            assertThat(Group.of(strategy, customer, 10)).isEqualTo(group);
            holdout += group == Group.HOLDOUT ? 1 : 0;
        }
        assertThat(holdout).isBetween(800, 1200);
    }

    @Test
    void onlyLegalMovesAreAllowed() {
        assertThat(StrategyStatus.DRAFT.canMoveTo(StrategyStatus.ACTIVE)).isTrue();
        assertThat(StrategyStatus.DRAFT.canMoveTo(StrategyStatus.COMPLETED)).isFalse();
        assertThat(StrategyStatus.ACTIVE.canMoveTo(StrategyStatus.COMPLETED)).isTrue();
        assertThat(StrategyStatus.ACTIVE.canMoveTo(StrategyStatus.DRAFT)).isFalse();
        assertThat(StrategyStatus.COMPLETED.next()).isEmpty();
        assertThat(StrategyStatus.CANCELLED.next()).isEmpty();
    }
}
