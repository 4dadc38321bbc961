package dev.retention.domain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With α = β = 1 the sBG has closed forms: P(T = t) = 1 / (t (t + 1)), S(t) = 1 / (t + 1), r_t = t / (t + 1). */
class ShiftedBetaGeometricTest {

    private final ShiftedBetaGeometric uniform = new ShiftedBetaGeometric(1, 1);

    @Test
    void churnSurvivalAndRetentionFollowTheirClosedForms() {
        assertThat(uniform.churnProbability(1)).isCloseTo(0.5, within(1e-12));
        assertThat(uniform.churnProbability(2)).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(uniform.survival(0)).isEqualTo(1.0);
        assertThat(uniform.survival(3)).isCloseTo(0.25, within(1e-12));
        assertThat(uniform.retentionRate(2)).isCloseTo(2.0 / 3, within(1e-12));
        // the shares churning in each period and those left add up to everybody
        double churned = 0;
        for (int t = 1; t <= 10; t++) {
            churned += uniform.churnProbability(t);
        }
        assertThat(churned + uniform.survival(10)).isCloseTo(1, within(1e-12));
    }

    @Test
    void theLogLikelihoodCountsChurnsAndSurvivors() {
        SurvivorCurve curve = new SurvivorCurve(LocalDate.parse("2026-01-01"), null, List.of(10L, 6L, 4L));

        // 4 churn in period 1 (1/2 each), 2 in period 2 (1/6 each), 4 survive two periods (1/3 each)
        double expected = 4 * Math.log(0.5) + 2 * Math.log(1.0 / 6) + 4 * Math.log(1.0 / 3);
        assertThat(uniform.logLikelihood(List.of(curve))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void theResidualLifetimeIsTheDiscountedSumOfFurtherPayments() {
        double d = 0.1;
        double delta = 1 / (1 + d);
        // 2F1(1, 1; 2; z) = −ln(1 − z) / z
        assertThat(uniform.residualLifetime(0, d)).isCloseTo(-Math.log(1 - delta) / delta - 1, within(1e-12));

        ShiftedBetaGeometric model = new ShiftedBetaGeometric(0.704, 1.182);
        for (int n : new int[] {0, 3, 10}) {
            double direct = 0;
            for (int k = 1; k < 2_000; k++) {
                direct += Math.pow(delta, k) * model.survival(n + k) / model.survival(n);
            }
            assertThat(model.residualLifetime(n, d)).as("after %d renewals", n).isCloseTo(direct, within(1e-9));
        }
        assertThat(model.residualLifetime(10, d))
                .as("those who stayed longer are likelier to stay")
                .isGreaterThan(model.residualLifetime(0, d));
    }
}
