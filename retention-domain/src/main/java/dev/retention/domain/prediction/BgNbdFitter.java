package dev.retention.domain.prediction;

import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * Fits the BG/NBD parameters by maximum likelihood. Customers are sorted by frequency so that the gamma-function
 * terms, which depend on x only, are computed once per distinct x rather than once per customer.
 */
public final class BgNbdFitter {

    /** Fewer customers than this do not support four parameters. */
    public static final int MIN_CUSTOMERS = 20;

    private BgNbdFitter() {}

    public static ModelFit<BgNbdParameters> fit(List<PurchaseSummary> customers) {
        PurchaseModelFits.requireFittable(customers, "BG/NBD");
        Likelihood likelihood = new Likelihood(customers);
        LogScaleMaximizer.Maximum maximum = LogScaleMaximizer.maximize(
                p -> likelihood.at(p[0], p[1], p[2], p[3]), new double[] {1, 1, 1, 1}, "BG/NBD");
        double[] p = maximum.parameters();
        return new ModelFit<>(
                new BgNbdParameters(p[0], p[1], p[2], p[3]),
                maximum.logLikelihood(),
                customers.size(),
                maximum.evaluations(),
                maximum.standardErrors());
    }

    /** The log-likelihood of all customers; equation 6 of the paper, summed. */
    static final class Likelihood {

        private final int[] frequencies;
        private final int[] groupEnds;
        private final double[] recencies;
        private final double[] ages;

        Likelihood(List<PurchaseSummary> customers) {
            FrequencyGroups groups = FrequencyGroups.of(customers);
            frequencies = groups.frequencies();
            groupEnds = groups.groupEnds();
            recencies = groups.customers().stream()
                    .mapToDouble(PurchaseSummary::recency)
                    .toArray();
            ages = groups.customers().stream().mapToDouble(PurchaseSummary::age).toArray();
        }

        double at(double r, double alpha, double a, double b) {
            double logGammaR = Gamma.logGamma(r);
            double logGammaAB = Gamma.logGamma(a + b);
            double logGammaB = Gamma.logGamma(b);
            double rLogAlpha = r * Math.log(alpha);
            double logA = Math.log(a);
            double total = 0;
            int start = 0;
            for (int group = 0; group < frequencies.length; group++) {
                int x = frequencies[group];
                double common = Gamma.logGamma(r + x)
                        - logGammaR
                        + rLogAlpha
                        + logGammaAB
                        + Gamma.logGamma(b + x)
                        - logGammaB
                        - Gamma.logGamma(a + b + x);
                double power = r + x;
                double sum = 0;
                if (x == 0) {
                    for (int i = start; i < groupEnds[group]; i++) {
                        sum -= power * Math.log(alpha + ages[i]);
                    }
                } else {
                    double dropOut = logA - Math.log(b + x - 1);
                    for (int i = start; i < groupEnds[group]; i++) {
                        double stillAlive = -power * Math.log(alpha + ages[i]);
                        double droppedOut = dropOut - power * Math.log(alpha + recencies[i]);
                        sum += Gammas.logAddExp(stillAlive, droppedOut);
                    }
                }
                total += common * (groupEnds[group] - start) + sum;
                start = groupEnds[group];
            }
            return total;
        }
    }
}
