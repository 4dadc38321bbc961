package dev.retention.domain.prediction;

/**
 * The Pareto/NBD model of Schmittlein, Morrison and Colombo (1987), "Counting Your Customers": while alive a customer
 * buys at a Poisson rate λ ~ Gamma(r, α), and its lifetime is exponential with rate μ ~ Gamma(s, β), independent of
 * its purchases. The likelihood and expectations follow Fader and Hardie (2005), "A Note on Deriving the Pareto/NBD
 * Model and Related Expressions".
 */
public record ParetoNbdParameters(double r, double alpha, double s, double beta) implements PurchaseModel {

    public ParetoNbdParameters {
        PurchaseModel.requirePositiveAndFinite("Pareto/NBD", r, alpha, s, beta);
    }

    @Override
    public PurchaseModelKind kind() {
        return PurchaseModelKind.PARETO_NBD;
    }

    @Override
    public double[] values() {
        return new double[] {r, alpha, s, beta};
    }

    /**
     * log L = log[Γ(r + x) α^r β^s / Γ(r)] + log[1 / ((α + T)^(r + x) (β + T)^s) + s / (r + s + x) · A0].
     */
    @Override
    public double logLikelihood(PurchaseSummary history) {
        return logLikelihood(history, frequencyTerms(history.frequency()));
    }

    /**
     * The parts of the log-likelihood that depend on x alone: log[Γ(r + x) α^r β^s / Γ(r)], and for x = 0, whose
     * t_x is 0, the term of A0 at t_x (NaN for other x).
     */
    record FrequencyTerms(double gammas, double atZeroRecency) {}

    FrequencyTerms frequencyTerms(int x) {
        return new FrequencyTerms(
                Gammas.logRatio(r, x) + r * Math.log(alpha) + s * Math.log(beta), x == 0 ? termAt(x, 0) : Double.NaN);
    }

    /** The log-likelihood given the {@link #frequencyTerms} of the customer's x. */
    double logLikelihood(PurchaseSummary history, FrequencyTerms terms) {
        int x = history.frequency();
        double age = history.age();
        double aliveAtT = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
        double atRecency = x == 0 && history.recency() == 0 ? terms.atZeroRecency() : termAt(x, history.recency());
        double diedBetween = Math.log(s) - Math.log(r + s + x) + logA0(history, atRecency);
        return terms.gammas() + Gammas.logAddExp(aliveAtT, diedBetween);
    }

    /** P(alive | x, t_x, T) = 1 / (1 + s / (r + s + x) · (α + T)^(r + x) (β + T)^s · A0). */
    @Override
    public double probabilityAlive(PurchaseSummary history) {
        int x = history.frequency();
        double age = history.age();
        double logOdds = Math.log(s)
                - Math.log(r + s + x)
                + (r + x) * Math.log(alpha + age)
                + s * Math.log(beta + age)
                + logA0(history);
        return 1 / (1 + Math.exp(logOdds));
    }

    /**
     * E[Y(t) | x, t_x, T] = (r + x)(β + T) / ((α + T)(s − 1)) · [1 − ((β + T) / (β + T + t))^(s − 1)] · P(alive); for
     * s = 1 the bracket divided by s − 1 is its limit, log((β + T + t) / (β + T)).
     */
    @Override
    public double conditionalExpectedPurchases(double t, PurchaseSummary history) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("time must be zero or positive and finite: " + t);
        }
        if (t == 0) {
            return 0;
        }
        int x = history.frequency();
        double age = history.age();
        double lifetimeShare = s == 1
                ? Math.log((beta + age + t) / (beta + age))
                : -Math.expm1((s - 1) * Math.log((beta + age) / (beta + age + t))) / (s - 1);
        return (r + x) * (beta + age) / (alpha + age) * lifetimeShare * probabilityAlive(history);
    }

    /**
     * log A0, where for α ≥ β (and the same with the roles of α and β, and of s + 1 and r + x, swapped otherwise)
     * A0 = 2F1(r + s + x, s + 1; r + s + x + 1; (α − β) / (α + t_x)) / (α + t_x)^(r + s + x)
     * − 2F1(r + s + x, s + 1; r + s + x + 1; (α − β) / (α + T)) / (α + T)^(r + s + x).
     * The two terms are close when T is close to t_x, so their difference is taken in logs as u + log(−expm1(v − u)),
     * and each 2F1 by its Euler transformation, which stays finite for heavy buyers (large r + x).
     */
    private double logA0(PurchaseSummary history) {
        return logA0(history, termAt(history.frequency(), history.recency()));
    }

    /** log A0 given its term at t_x. */
    private double logA0(PurchaseSummary history, double atRecency) {
        double atAge = termAt(history.frequency(), history.age());
        if (!(atAge < atRecency)) {
            return Double.NEGATIVE_INFINITY;
        }
        return atRecency + Math.log(-Math.expm1(atAge - atRecency));
    }

    /** The term of A0 at time {@code time} (t_x or T) for a customer with x repeat purchases. */
    private double termAt(int x, double time) {
        double larger = Math.max(alpha, beta);
        double second = alpha < beta ? r + x : s + 1;
        return term(r + s + x, second, Math.abs(alpha - beta), larger + time);
    }

    /** log[2F1(power, second; power + 1; difference / at) / at^power]. */
    private static double term(double power, double second, double difference, double at) {
        return Hypergeometric.log2F1(power, second, power + 1, difference / at) - power * Math.log(at);
    }
}
