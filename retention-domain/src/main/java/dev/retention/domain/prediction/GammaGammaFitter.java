package dev.retention.domain.prediction;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * Fits the Gamma-Gamma parameters by maximum likelihood on the customers with repeat purchases of positive value,
 * grouping the gamma-function terms by frequency as {@link BgNbdFitter} does.
 */
public final class GammaGammaFitter {

    /** Fewer repeat customers than this do not support three parameters. */
    public static final int MIN_REPEAT_CUSTOMERS = 10;

    private GammaGammaFitter() {}

    public static ModelFit<GammaGammaParameters> fit(List<PurchaseSummary> customers) {
        List<PurchaseSummary> repeat = customers.stream()
                .filter(customer -> customer.frequency() > 0
                        && customer.averageRepeatSpend().signum() > 0)
                .toList();
        if (repeat.size() < MIN_REPEAT_CUSTOMERS) {
            throw new ModelFitException("Gamma-Gamma needs at least " + MIN_REPEAT_CUSTOMERS
                    + " customers with repeat purchases of positive value, got " + repeat.size());
        }
        Likelihood likelihood = new Likelihood(repeat);
        LogScaleMaximizer.Maximum maximum =
                LogScaleMaximizer.maximize(p -> likelihood.at(p[0], p[1], p[2]), new double[] {1, 1, 1}, "Gamma-Gamma");
        double[] p = maximum.parameters();
        return new ModelFit<>(
                new GammaGammaParameters(p[0], p[1], p[2]),
                maximum.logLikelihood(),
                repeat.size(),
                maximum.evaluations(),
                maximum.standardErrors());
    }

    static final class Likelihood {

        private final int[] frequencies;
        private final int[] groupEnds;
        private final double[] spends;
        private final double[] logSpends;

        Likelihood(List<PurchaseSummary> customers) {
            FrequencyGroups groups = FrequencyGroups.of(customers);
            frequencies = groups.frequencies();
            groupEnds = groups.groupEnds();
            spends = groups.customers().stream()
                    .mapToDouble(c -> c.averageRepeatSpend().doubleValue())
                    .toArray();
            logSpends = Arrays.stream(spends).map(Math::log).toArray();
        }

        double at(double p, double q, double gamma) {
            double logGammaQ = Gamma.logGamma(q);
            double qLogGamma = q * Math.log(gamma);
            double total = 0;
            int start = 0;
            for (int group = 0; group < frequencies.length; group++) {
                int x = frequencies[group];
                double px = p * x;
                double common = Gamma.logGamma(px + q) - Gamma.logGamma(px) - logGammaQ + qLogGamma + px * Math.log(x);
                double sum = 0;
                for (int i = start; i < groupEnds[group]; i++) {
                    sum += (px - 1) * logSpends[i] - (px + q) * Math.log(x * spends[i] + gamma);
                }
                total += common * (groupEnds[group] - start) + sum;
                start = groupEnds[group];
            }
            return total;
        }
    }
}
