package dev.retention.domain.prediction;

/**
 * The MBG/NBD model of Batislam, Denizel and Filiztekin (2007), "Empirical validation and comparison of models for
 * customer base analysis": BG/NBD in which a customer may also drop out right after its first purchase, so that a
 * one-time buyer gets a P(alive) below 1. While alive a customer buys at a Poisson rate λ ~ Gamma(r, α); at time 0
 * and after each purchase it drops out with probability p ~ Beta(a, b).
 */
public record MbgNbdParameters(double r, double alpha, double a, double b) implements PurchaseModel {

    public MbgNbdParameters {
        PurchaseModel.requirePositiveAndFinite("MBG/NBD", r, alpha, a, b);
    }

    @Override
    public PurchaseModelKind kind() {
        return PurchaseModelKind.MBG_NBD;
    }

    @Override
    public double[] values() {
        return new double[] {r, alpha, a, b};
    }

    /**
     * log L = log[B(a, b + x + 1) / B(a, b) · Γ(r + x) α^r / (Γ(r) (α + T)^(r + x))
     * + B(a + 1, b + x) / B(a, b) · Γ(r + x) α^r / (Γ(r) (α + t_x)^(r + x))], for every x including 0.
     */
    @Override
    public double logLikelihood(PurchaseSummary history) {
        return logLikelihood(history, frequencyTerm(history.frequency()));
    }

    /** The part of the log-likelihood that depends on x alone: log[Γ(r + x) α^r / Γ(r) · B(a, b + x + 1) / B(a, b)]. */
    double frequencyTerm(int x) {
        return Gammas.logRatio(r, x) + r * Math.log(alpha) + Gammas.logBetaRatio(a, b, x + 1);
    }

    /** The log-likelihood given the {@link #frequencyTerm} of the customer's x. */
    double logLikelihood(PurchaseSummary history, double frequencyTerm) {
        double stillAlive = frequencyTerm - (r + history.frequency()) * Math.log(alpha + history.age());
        return stillAlive + Gammas.logAddExp(0, logOddsDroppedOut(history));
    }

    /** P(alive | x, t_x, T) = 1 / (1 + a / (b + x) · ((α + T) / (α + t_x))^(r + x)). */
    @Override
    public double probabilityAlive(PurchaseSummary history) {
        return 1 / (1 + Math.exp(logOddsDroppedOut(history)));
    }

    /**
     * E[Y(t) | x, t_x, T] = (a + b + x) / (a − 1) · [1 − ((α + T) / (α + T + t))^(r + x) · 2F1(r + x, b + x + 1;
     * a + b + x; t / (α + T + t))] · P(alive | x, t_x, T).
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
        double tail = Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + t))
                + Hypergeometric.log2F1(r + x, b + x + 1, a + b + x, t / (alpha + age + t)));
        return (a + b + x) / (a - 1) * (1 - tail) * probabilityAlive(history);
    }

    /** log(a / (b + x)) + (r + x) log((α + T) / (α + t_x)): the log-odds of having dropped out after the last purchase. */
    private double logOddsDroppedOut(PurchaseSummary history) {
        int x = history.frequency();
        return Math.log(a)
                - Math.log(b + x)
                + (r + x) * (Math.log(alpha + history.age()) - Math.log(alpha + history.recency()));
    }
}
