package dev.retention.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Pareto/NBD with the parameters published for the CDNOW sample (r = 0.553, α = 10.578, s = 0.606, β = 11.669), its
 * A0 term checked against the integral it stands for, A0 = (r + s + x) ∫_{t_x}^{T} (α + τ)^−(r + x) (β + τ)^−(s + 1)
 * dτ, computed here by Simpson's rule: for a heavy buyer, where the terms of A0 are of the order of 10^−300, and for
 * T a hair after t_x, where the two terms of A0 nearly cancel.
 */
class ParetoNbdParametersTest {

    private static final ParetoNbdParameters CDNOW = new ParetoNbdParameters(0.553, 10.578, 0.606, 11.669);

    private static PurchaseSummary history(int x, double recency, double age) {
        return new PurchaseSummary(x, recency, age, BigDecimal.ZERO);
    }

    /** P(alive) from the integral form of A0, in logs to survive (α + τ)^−(r + x) for large x. */
    private static double probabilityAliveByIntegration(ParetoNbdParameters m, PurchaseSummary h) {
        int x = h.frequency();
        double from = h.recency();
        double to = h.age();
        int steps = 20_000;
        double width = (to - from) / steps;
        double integral = 0;
        for (int i = 0; i <= steps; i++) {
            double tau = from + i * width;
            double weight = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
            integral += weight
                    * Math.pow((m.alpha() + from) / (m.alpha() + tau), m.r() + x)
                    * Math.pow(m.beta() + tau, -(m.s() + 1));
        }
        integral *= width / 3;
        double logA0 = Math.log(m.r() + m.s() + x) - (m.r() + x) * Math.log(m.alpha() + from) + Math.log(integral);
        double logOdds = Math.log(m.s())
                - Math.log(m.r() + m.s() + x)
                + (m.r() + x) * Math.log(m.alpha() + to)
                + m.s() * Math.log(m.beta() + to)
                + logA0;
        return 1 / (1 + Math.exp(logOdds));
    }

    @Test
    void theHeavyBuyerOfThePublishedExampleExpects25Point46PurchasesInAYear() {
        // Fader and Hardie, "Implementing the Pareto/NBD Model Given Interval-Censored Data" / lifetimes: 25.46
        assertThat(CDNOW.conditionalExpectedPurchases(52, history(26, 30.86, 31)))
                .isCloseTo(25.46, within(25.46 * 0.005));
    }

    @Test
    void aCustomerSeenBuyingJustNowIsAlive() {
        assertThat(CDNOW.probabilityAlive(history(5, 20, 20))).isEqualTo(1.0);
        assertThat(CDNOW.probabilityAlive(history(0, 0, 0))).isEqualTo(1.0);
    }

    @Test
    void pAliveAgreesWithTheIntegralAtTheEdges() {
        for (PurchaseSummary h : new PurchaseSummary[] {
            history(2, 30.43, 38.86),
            history(0, 0, 38),
            history(200, 38.5, 39), // heavy buyer: (α + τ)^−200 is about 10^−300
            history(150, 2, 39), // heavy buyer silent for long: P(alive) tiny
            history(7, 30, 30.0001), // T a hair after t_x: the two terms of A0 nearly cancel
        }) {
            double expected = probabilityAliveByIntegration(CDNOW, h);
            assertThat(CDNOW.probabilityAlive(h))
                    .as("x = %d, t_x = %s, T = %s", h.frequency(), h.recency(), h.age())
                    .isCloseTo(expected, within(1e-6 + expected * 1e-6));
        }
    }

    @Test
    void theLikelihoodOfACustomerIsFiniteAndExpectationsGrowWithTime() {
        PurchaseSummary heavy = history(200, 38.5, 39);
        assertThat(CDNOW.logLikelihood(heavy)).isFinite();
        assertThat(CDNOW.conditionalExpectedPurchases(52, heavy)).isFinite().isGreaterThan(100);
        assertThat(CDNOW.conditionalExpectedPurchases(10, history(2, 30, 38)))
                .isLessThan(CDNOW.conditionalExpectedPurchases(20, history(2, 30, 38)));
        assertThat(new ParetoNbdParameters(0.5, 10, 1, 10).conditionalExpectedPurchases(10, history(2, 30, 38)))
                .as("s = 1 takes the limit of the bracket")
                .isFinite()
                .isPositive();
    }
}
