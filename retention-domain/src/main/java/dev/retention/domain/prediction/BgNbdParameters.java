package dev.retention.domain.prediction;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way": while alive, a customer
 * buys at a Poisson rate λ ~ Gamma(r, α); after each purchase it drops out with probability p ~ Beta(a, b). The
 * formulas below are equations (6), (9), (10) and (13) of the paper, computed in log space.
 */
public record BgNbdParameters(double r, double alpha, double a, double b) implements PurchaseModel {

    public BgNbdParameters {
        PurchaseModel.requirePositiveAndFinite("BG/NBD", r, alpha, a, b);
    }

    @Override
    public PurchaseModelKind kind() {
        return PurchaseModelKind.BG_NBD;
    }

    @Override
    public double[] values() {
        return new double[] {r, alpha, a, b};
    }

    /** Expected purchases in (0, t] of a customer that has just made its first purchase (equation 9). */
    public double expectedPurchases(double t) {
        requireNonNegative(t);
        if (t == 0) {
            return 0;
        }
        return (a + b - 1) / (a - 1) * (1 - tail(alpha / (alpha + t), 0, t / (alpha + t)));
    }

    /** Expected purchases in the next t of a customer with history (x, t_x, T) (equation 10). */
    @Override
    public double conditionalExpectedPurchases(double t, PurchaseSummary history) {
        requireNonNegative(t);
        if (t == 0) {
            return 0;
        }
        int x = history.frequency();
        double age = history.age();
        double ratio = (alpha + age) / (alpha + age + t);
        double ifAlive = (a + b + x - 1) / (a - 1) * (1 - tail(ratio, x, t / (alpha + age + t)));
        return ifAlive * probabilityAlive(history);
    }

    /**
     * ratio^(r + x) 2F1(r + x, b + x; a + b + x - 1; z), the term both expectations subtract from one; in log space
     * where the third argument is positive (always when x > 0), directly otherwise.
     */
    private double tail(double ratio, int x, double z) {
        double c = a + b + x - 1;
        if (c > 0) {
            return Math.exp((r + x) * Math.log(ratio) + Hypergeometric.log2F1(r + x, b + x, c, z));
        }
        return Math.pow(ratio, r + x) * Hypergeometric.value(r + x, b + x, c, z);
    }

    /** P(alive | x, t_x, T) (equation 13). */
    @Override
    public double probabilityAlive(PurchaseSummary history) {
        int x = history.frequency();
        if (x == 0) {
            return 1;
        }
        double logOdds = Math.log(a)
                - Math.log(b + x - 1)
                + (r + x) * (Math.log(alpha + history.age()) - Math.log(alpha + history.recency()));
        return 1 / (1 + Math.exp(logOdds));
    }

    /** The log-likelihood of one customer's history (equation 6, in logs). */
    @Override
    public double logLikelihood(PurchaseSummary history) {
        int x = history.frequency();
        double common = Gammas.logRatio(r, x) + r * Math.log(alpha) + Gammas.logBetaRatio(a, b, x);
        double stillAlive = -(r + x) * Math.log(alpha + history.age());
        if (x == 0) {
            return common + stillAlive;
        }
        double droppedOut = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + history.recency());
        return common + Gammas.logAddExp(stillAlive, droppedOut);
    }

    private static void requireNonNegative(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("time must be zero or positive and finite: " + t);
        }
    }
}
