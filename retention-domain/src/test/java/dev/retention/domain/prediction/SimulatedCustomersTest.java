package dev.retention.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 20,000 customers simulated from the models' own generative processes with known parameters
 * ({@link SimulatedPopulation}); the fits must recover each parameter within three standard errors (taken from the
 * observed information of the fit).
 */
class SimulatedCustomersTest {

    private static final BgNbdParameters PURCHASES = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
    private static final GammaGammaParameters SPEND = new GammaGammaParameters(6.25, 3.74, 15.44);
    private static final int CUSTOMERS = 20_000;

    private static List<PurchaseSummary> customers;

    /** The simulated customers, shared by the tests. */
    @BeforeAll
    static void simulate() {
        customers = SimulatedPopulation.simulate(20051101L, CUSTOMERS, PURCHASES, SPEND);
    }

    private static void assertRecovered(String name, double estimate, double truth, double logStandardError) {
        assertThat(logStandardError).as(name + " standard error").isPositive().isLessThan(0.2);
        assertThat(Math.abs(Math.log(estimate) - Math.log(truth)))
                .as(name + " = " + estimate + ", true " + truth)
                .isLessThan(3 * logStandardError);
    }

    @Test
    void bgNbdRecoversItsParameters() {
        ModelFit<BgNbdParameters> fit = BgNbdFitter.fit(customers);

        BgNbdParameters p = fit.parameters();
        List<Double> errors = fit.logParameterStandardErrors();
        assertRecovered("r", p.r(), PURCHASES.r(), errors.get(0));
        assertRecovered("alpha", p.alpha(), PURCHASES.alpha(), errors.get(1));
        assertRecovered("a", p.a(), PURCHASES.a(), errors.get(2));
        assertRecovered("b", p.b(), PURCHASES.b(), errors.get(3));
        assertThat(fit.customers()).isEqualTo(CUSTOMERS);
        assertThat(fit.logLikelihood()).isGreaterThan(new BgNbdFitter.Likelihood(customers).at(1, 1, 1, 1));
    }

    @Test
    void gammaGammaRecoversItsParameters() {
        ModelFit<GammaGammaParameters> fit = GammaGammaFitter.fit(customers);

        GammaGammaParameters p = fit.parameters();
        List<Double> errors = fit.logParameterStandardErrors();
        assertRecovered("p", p.p(), SPEND.p(), errors.get(0));
        assertRecovered("q", p.q(), SPEND.q(), errors.get(1));
        assertRecovered("gamma", p.gamma(), SPEND.gamma(), errors.get(2));
        assertThat(fit.customers()).isEqualTo((int)
                customers.stream().filter(c -> c.frequency() > 0).count());
    }

    @Test
    void tooFewCustomersOrNoRepeatBuyersAreAClearError() {
        assertThatThrownBy(() -> BgNbdFitter.fit(customers.subList(0, 5)))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("at least 20 customers");
        List<PurchaseSummary> oneTimeBuyers =
                customers.stream().filter(c -> c.frequency() == 0).limit(100).toList();
        assertThatThrownBy(() -> BgNbdFitter.fit(oneTimeBuyers))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("repeat purchases");
        assertThatThrownBy(() -> GammaGammaFitter.fit(oneTimeBuyers))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("at least 10");
    }
}
