package dev.retention.domain.forecast;

import dev.retention.domain.prediction.Hypergeometric;
import java.util.List;

/**
 * The shifted-beta-geometric model of contractual retention (Fader and Hardie 2007, "How to Project Customer
 * Retention"): each customer churns at the end of any period with its own probability θ, constant over time, and θ
 * varies across customers as Beta(α, β). T, the period in which a customer churns, then has P(T = 1) = α / (α + β),
 * P(T = t) = P(T = t − 1) (β + t − 2) / (α + β + t − 1), survival S(t) = P(T > t) = Π_{j=1..t} r_j and retention rate
 * r_t = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1), which rises with t as the customers likeliest to churn leave.
 */
public record ShiftedBetaGeometric(double alpha, double beta) {

    public ShiftedBetaGeometric {
        if (!(alpha > 0 && beta > 0 && Double.isFinite(alpha) && Double.isFinite(beta))) {
            throw new IllegalArgumentException("alpha and beta must be positive and finite");
        }
    }

    /** r_t: the share of those alive in period t who renew into period t + 1, for t >= 1. */
    public double retentionRate(int t) {
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /** S(t) = P(T > t): the share of a cohort still alive at the start of period t + 1 (S(0) = 1). */
    public double survival(int t) {
        return Math.exp(logSurvival(t));
    }

    /** P(T = t): the share of a cohort that churns in period t, for t >= 1. */
    public double churnProbability(int t) {
        return Math.exp(logSurvival(t - 1)) * alpha / (alpha + beta + t - 1);
    }

    /**
     * The discounted expected residual lifetime of a customer alive after {@code renewals} renewals who has paid for
     * the current period: Σ_{k≥1} P(T > n + k | T > n) / (1 + d)^k, the number of further payments it is expected to
     * make, each discounted by d per period. P(T > n + k | T > n) = (β + n)_k / (α + β + n)_k, so the sum is
     * 2F1(1, β + n; α + β + n; 1 / (1 + d)) − 1 (Fader and Hardie 2010, "Customer-Base Valuation in a Contractual
     * Setting").
     */
    public double residualLifetime(int renewals, double discountRate) {
        if (!(discountRate > 0)) {
            throw new IllegalArgumentException("the discount rate must be positive");
        }
        return Hypergeometric.value(1, beta + renewals, alpha + beta + renewals, 1 / (1 + discountRate)) - 1;
    }

    /**
     * The log-likelihood of survivor curves: the customers who churned in period t contribute log P(T = t) each,
     * those alive at the end of a curve log S(t) each.
     */
    public double logLikelihood(List<SurvivorCurve> curves) {
        double total = 0;
        for (SurvivorCurve curve : curves) {
            double logSurvival = 0;
            for (int t = 1; t <= curve.observedPeriods(); t++) {
                long churned = curve.alive(t - 1) - curve.alive(t);
                if (churned > 0) {
                    total += churned * (logSurvival + Math.log(alpha / (alpha + beta + t - 1)));
                }
                logSurvival += Math.log(retentionRate(t));
            }
            total += curve.alive(curve.observedPeriods()) * logSurvival;
        }
        return total;
    }

    private double logSurvival(int t) {
        double log = 0;
        for (int j = 1; j <= t; j++) {
            log += Math.log(retentionRate(j));
        }
        return log;
    }
}
