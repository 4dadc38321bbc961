package dev.retention.domain.strategy;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Treatment against holdout for one figure: the two values, the uplift (treatment - holdout) with its 95% confidence
 * interval, the test statistic, and the verdict. Null values where a group is too small to say anything.
 */
public record Comparison(
        Double treatment,
        Double holdout,
        Double uplift,
        Double lower,
        Double upper,
        Double statistic,
        Verdict verdict) {

    private static final double Z_975 = 1.959963984540054;

    static Comparison unknown() {
        return new Comparison(null, null, null, null, null, null, null);
    }

    /**
     * Two proportions: the interval is uplift ± 1.96 × sqrt(p1(1-p1)/n1 + p2(1-p2)/n2) (Wald), the statistic the
     * two-proportion z with the pooled proportion, z = (p1 - p2) / sqrt(p(1-p)(1/n1 + 1/n2)).
     */
    static Comparison proportions(long successes1, long n1, long successes2, long n2, boolean higherIsBetter) {
        if (n1 == 0 || n2 == 0) {
            return unknown();
        }
        double p1 = (double) successes1 / n1;
        double p2 = (double) successes2 / n2;
        double uplift = p1 - p2;
        double standardError = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double pooled = (double) (successes1 + successes2) / (n1 + n2);
        double pooledError = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        Double z = pooledError == 0 ? null : uplift / pooledError;
        double lower = uplift - Z_975 * standardError;
        double upper = uplift + Z_975 * standardError;
        return new Comparison(p1, p2, uplift, lower, upper, z, Verdict.of(lower, upper, higherIsBetter));
    }

    /**
     * Two means by Welch: standard error sqrt(s1²/n1 + s2²/n2), degrees of freedom by Welch-Satterthwaite, the
     * interval uplift ± t(0.975, df) × standard error, the statistic t = uplift / standard error.
     */
    static Comparison means(double[] sample1, double[] sample2, boolean higherIsBetter) {
        if (sample1.length < 2 || sample2.length < 2) {
            return unknown();
        }
        double mean1 = mean(sample1);
        double mean2 = mean(sample2);
        double v1 = variance(sample1, mean1) / sample1.length;
        double v2 = variance(sample2, mean2) / sample2.length;
        double uplift = mean1 - mean2;
        double standardError = Math.sqrt(v1 + v2);
        if (standardError == 0) {
            return new Comparison(
                    mean1, mean2, uplift, uplift, uplift, null, Verdict.of(uplift, uplift, higherIsBetter));
        }
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (sample1.length - 1) + v2 * v2 / (sample2.length - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        double lower = uplift - t * standardError;
        double upper = uplift + t * standardError;
        return new Comparison(
                mean1, mean2, uplift, lower, upper, uplift / standardError, Verdict.of(lower, upper, higherIsBetter));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / (values.length - 1);
    }
}
