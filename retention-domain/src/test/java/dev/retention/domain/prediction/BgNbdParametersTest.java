package dev.retention.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BgNbdParametersTest {

    /** Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way", CDNOW estimates (section 5). */
    private static final BgNbdParameters CDNOW = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

    private static PurchaseSummary history(int x, double tx, double age) {
        return new PurchaseSummary(x, tx, age, BigDecimal.ZERO);
    }

    @Test
    void thePapersWorkedExampleExpectsAbout1Point226PurchasesInTheNext39Weeks() {
        // Same paper, section 5, and Fader & Hardie's Excel note: customer 1 (x = 2, t_x = 30.43, T = 38.86).
        double expected = CDNOW.conditionalExpectedPurchases(39, history(2, 30.43, 38.86));

        assertThat(expected).isCloseTo(1.226, within(1.226 * 0.005));
    }

    @Test
    void aCustomerWithoutRepeatPurchasesIsSurelyAliveAndOneWhoStoppedLongAgoProbablyNot() {
        assertThat(CDNOW.probabilityAlive(history(0, 0, 38.86))).isEqualTo(1.0);
        // x = 5, t_x = 38, T = 38.86: odds 0.793 / 6.426 * (43.274 / 42.414)^5.243 = 0.13711, P = 0.8794.
        double recentBuyer = CDNOW.probabilityAlive(history(5, 38, 38.86));
        double lapsedBuyer = CDNOW.probabilityAlive(history(5, 5, 38.86));
        assertThat(recentBuyer).isCloseTo(0.8794, within(1e-4));
        assertThat(lapsedBuyer).isLessThan(0.2).isGreaterThan(0.0);
        // Equation 13 by hand for x = 1, t_x = 10, T = 20:
        // 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x)) = 1 / (1 + 0.326876 * 1.925146) = 0.61377
        assertThat(CDNOW.probabilityAlive(history(1, 10, 20))).isCloseTo(0.61377, within(1e-5));
    }

    @Test
    void expectationsGrowWithTimeAndStartAtZero() {
        assertThat(CDNOW.expectedPurchases(0)).isZero();
        double year = CDNOW.expectedPurchases(52);
        double twoYears = CDNOW.expectedPurchases(104);
        assertThat(year).isPositive().isLessThan(twoYears);
        // For a new customer the expectation equals the conditional one of x = 0, T = 0.
        assertThat(CDNOW.conditionalExpectedPurchases(52, history(0, 0, 0))).isCloseTo(year, within(1e-9));
    }

    @Test
    void extremeHistoriesGiveFiniteAnswers() {
        PurchaseSummary heavy = history(1_000_000, 38.86, 38.86);
        PurchaseSummary gone = history(50_000, 1, 38.86);
        for (PurchaseSummary customer : new PurchaseSummary[] {heavy, gone, history(1, 0, 0), history(0, 0, 0)}) {
            assertThat(CDNOW.probabilityAlive(customer)).isBetween(0.0, 1.0);
            assertThat(CDNOW.conditionalExpectedPurchases(39, customer))
                    .isFinite()
                    .isGreaterThanOrEqualTo(0.0);
            assertThat(CDNOW.logLikelihood(customer)).isFinite();
        }
        assertThat(CDNOW.probabilityAlive(gone)).isZero();
        assertThat(CDNOW.conditionalExpectedPurchases(39, heavy)).isGreaterThan(100_000);
    }

    @Test
    void impossibleInputsAreRefused() {
        assertThatThrownBy(() -> new BgNbdParameters(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> history(2, 40, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CDNOW.expectedPurchases(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
