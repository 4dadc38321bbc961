package dev.retention.domain.prediction;

import org.hipparchus.special.Gamma;

/** Log-gamma helpers shared by the models. */
final class Gammas {

    private Gammas() {}

    /** log(Γ(r + x) / Γ(r)). */
    static double logRatio(double r, double x) {
        return Gamma.logGamma(r + x) - Gamma.logGamma(r);
    }

    /** log(B(a, b + x) / B(a, b)) = log(Γ(a + b) Γ(b + x) / (Γ(b) Γ(a + b + x))). */
    static double logBetaRatio(double a, double b, double x) {
        return Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
    }

    /** log(e^u + e^v) without overflow. */
    static double logAddExp(double u, double v) {
        double max = Math.max(u, v);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }
}
