package dev.retention.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/** MBG/NBD with the parameters published for the CDNOW sample: r = 0.525, α = 6.183, a = 0.891, b = 1.614. */
class MbgNbdParametersTest {

    private static final MbgNbdParameters CDNOW = new MbgNbdParameters(0.525, 6.183, 0.891, 1.614);

    private static PurchaseSummary history(int x, double recency, double age) {
        return new PurchaseSummary(x, recency, age, BigDecimal.ZERO);
    }

    @Test
    void aOneTimeBuyerMayHaveDroppedOutAlready() {
        // P(alive) = 1 / (1 + a / b · ((α + T) / α)^r) for x = 0
        double expected = 1 / (1 + 0.891 / 1.614 * Math.pow((6.183 + 38) / 6.183, 0.525));
        assertThat(CDNOW.probabilityAlive(history(0, 0, 38)))
                .isCloseTo(expected, within(1e-12))
                .isLessThan(1);
        assertThat(new BgNbdParameters(0.243, 4.414, 0.793, 2.426).probabilityAlive(history(0, 0, 38)))
                .as("where BG/NBD says 1")
                .isEqualTo(1.0);
    }

    @Test
    void theLikelihoodSumsBothWaysOfHavingBoughtXTimes() {
        double r = 0.525;
        double alpha = 6.183;
        double a = 0.891;
        double b = 1.614;
        int x = 2;
        // Γ(r + x) α^r / Γ(r), then B(a, b + x + 1) / B(a, b) / (α + T)^(r + x) + B(a + 1, b + x) / B(a, b) / (α +
        // t_x)^(r + x)
        double purchases = Math.exp(Gamma.logGamma(r + x) - Gamma.logGamma(r)) * Math.pow(alpha, r);
        double stillAlive = Math.exp(logBeta(a, b + x + 1) - logBeta(a, b)) / Math.pow(alpha + 38.86, r + x);
        double droppedOut = Math.exp(logBeta(a + 1, b + x) - logBeta(a, b)) / Math.pow(alpha + 30.43, r + x);

        assertThat(CDNOW.logLikelihood(history(x, 30.43, 38.86)))
                .isCloseTo(Math.log(purchases * (stillAlive + droppedOut)), within(1e-10));
    }

    @Test
    void expectedPurchasesAreTheAliveShareOfWhatAnAliveCustomerBuys() {
        PurchaseSummary h = history(2, 30.43, 38.86);
        double in39 = CDNOW.conditionalExpectedPurchases(39, h);
        assertThat(in39).isPositive().isLessThan(CDNOW.conditionalExpectedPurchases(78, h));
        assertThat(CDNOW.conditionalExpectedPurchases(0, h)).isZero();
    }

    private static double logBeta(double a, double b) {
        return Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
    }
}
