package dev.retention.domain.prediction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Customers drawn from the models' own generative processes. BG/NBD (Fader, Hardie and Lee 2005, section 2):
 * λ ~ Gamma(r, α), p ~ Beta(a, b); purchases follow a Poisson process at rate λ, and after each repeat purchase the
 * customer drops out with probability p. Customers arrive evenly over 12 weeks and are observed to week 39. Each
 * repeat purchase's value is Gamma(p, ν) with ν ~ Gamma(q, γ) per customer (Gamma-Gamma).
 */
public final class SimulatedPopulation {

    private SimulatedPopulation() {}

    public static List<PurchaseSummary> simulate(
            long seed, int size, BgNbdParameters purchases, GammaGammaParameters spend) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        List<PurchaseSummary> customers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double age = 39 - random.nextUniform(0, 12);
            double rate = random.nextGamma(purchases.r(), 1 / purchases.alpha());
            double dropOut = random.nextBeta(purchases.a(), purchases.b());
            double spendScale = random.nextGamma(spend.q(), 1 / spend.gamma());
            int x = 0;
            double last = 0;
            double spent = 0;
            double t = random.nextExponential(1 / rate);
            while (t <= age) {
                x++;
                last = t;
                spent += random.nextGamma(spend.p(), 1 / spendScale);
                if (random.nextUniform(0, 1) < dropOut) {
                    break;
                }
                t += random.nextExponential(1 / rate);
            }
            BigDecimal average =
                    x == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(spent / x).setScale(4, RoundingMode.HALF_EVEN);
            customers.add(new PurchaseSummary(x, last, age, average));
        }
        return customers;
    }
}
