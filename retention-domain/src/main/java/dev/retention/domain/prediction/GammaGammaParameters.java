package dev.retention.domain.prediction;

import java.math.BigDecimal;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma spend model of Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer
 * Base Analysis": transaction values ~ Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of the
 * purchase process. The expected value of a transaction is pγ / (q - 1), so q must exceed 1.
 */
public record GammaGammaParameters(double p, double q, double gamma) {

    public GammaGammaParameters {
        for (double value : new double[] {p, q, gamma}) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("Gamma-Gamma parameters must be positive and finite");
            }
        }
    }

    /**
     * E(M | x, m_x): the expected average transaction value of a customer with x repeat purchases averaging m_x, a
     * weighted mean of the population mean and the customer's own (equation 3 of the paper); for x = 0 the
     * population mean.
     */
    public double expectedAverageSpend(int frequency, double averageSpend) {
        if (q <= 1) {
            throw new ModelFitException("Gamma-Gamma with q <= 1 has no finite mean spend");
        }
        return p * (gamma + frequency * averageSpend) / (p * frequency + q - 1);
    }

    /** The log-likelihood of one customer's average repeat spend given x > 0 purchases. */
    public double logLikelihood(int frequency, BigDecimal averageSpend) {
        double x = frequency;
        double m = averageSpend.doubleValue();
        return Gamma.logGamma(p * x + q)
                - Gamma.logGamma(p * x)
                - Gamma.logGamma(q)
                + q * Math.log(gamma)
                + (p * x - 1) * Math.log(m)
                + p * x * Math.log(x)
                - (p * x + q) * Math.log(x * m + gamma);
    }
}
