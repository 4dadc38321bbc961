package dev.retention.domain.prediction;

import java.util.Comparator;
import java.util.List;
import org.hipparchus.special.Gamma;
import org.hipparchus.util.FastMath;

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
                .filter(customer -> customer.frequency() > 0 && customer.averageRepeatSpend().signum() > 0)
                .sorted(Comparator.comparingInt(PurchaseSummary::frequency)).toList();
        if (repeat.size() < MIN_REPEAT_CUSTOMERS) {
            throw new ModelFitException("Gamma-Gamma needs at least " + MIN_REPEAT_CUSTOMERS
                    + " customers with repeat purchases of positive value, got " + repeat.size());
        }
        Likelihood likelihood = new Likelihood(repeat);
        LogScaleMaximizer.Maximum maximum = LogScaleMaximizer.maximize(p -> likelihood.at(p[0], p[1], p[2]),
                new double[] {1, 1, 1}, "Gamma-Gamma");
        double[] p = maximum.parameters();
        return new ModelFit<>(new GammaGammaParameters(p[0], p[1], p[2]), maximum.logLikelihood(), repeat.size(),
                maximum.evaluations(), maximum.standardErrors());
    }

    static final class Likelihood {

        private final int[] frequencies;
        private final int[] groupEnds;
        private final double[] spends;
        private final double[] logSpends;

        Likelihood(List<PurchaseSummary> sorted) {
            int groups = (int) sorted.stream().mapToInt(PurchaseSummary::frequency).distinct().count();
            frequencies = new int[groups];
            groupEnds = new int[groups];
            spends = new double[sorted.size()];
            logSpends = new double[sorted.size()];
            int group = -1;
            for (int i = 0; i < sorted.size(); i++) {
                PurchaseSummary customer = sorted.get(i);
                if (group < 0 || frequencies[group] != customer.frequency()) {
                    group++;
                    frequencies[group] = customer.frequency();
                }
                groupEnds[group] = i + 1;
                spends[i] = customer.averageRepeatSpend().doubleValue();
                logSpends[i] = FastMath.log(spends[i]);
            }
        }

        double at(double p, double q, double gamma) {
            double logGammaQ = Gamma.logGamma(q);
            double qLogGamma = q * FastMath.log(gamma);
            double total = 0;
            int start = 0;
            for (int group = 0; group < frequencies.length; group++) {
                int x = frequencies[group];
                double px = p * x;
                double common = Gamma.logGamma(px + q) - Gamma.logGamma(px) - logGammaQ + qLogGamma
                        + px * FastMath.log(x);
                double sum = 0;
                for (int i = start; i < groupEnds[group]; i++) {
                    sum += (px - 1) * logSpends[i] - (px + q) * FastMath.log(x * spends[i] + gamma);
                }
                total += common * (groupEnds[group] - start) + sum;
                start = groupEnds[group];
            }
            return total;
        }
    }
}
