package dev.retention.domain.prediction;

/** A fitted model of when customers buy and whether they are still customers: what the CLV scoring needs of it. */
public interface PurchaseModel {

    PurchaseModelKind kind();

    /** The parameters, in the order of {@link PurchaseModelKind#parameterNames()}. */
    double[] values();

    /** P(alive | x, t_x, T). */
    double probabilityAlive(PurchaseSummary history);

    /** E[Y(t) | x, t_x, T]: the purchases expected in the next t (in the model's time unit). */
    double conditionalExpectedPurchases(double t, PurchaseSummary history);

    /** The log-likelihood of one customer's history. */
    double logLikelihood(PurchaseSummary history);

    /** Refuses parameters that are not positive and finite, as every model's are. */
    static void requirePositiveAndFinite(String model, double... values) {
        for (double value : values) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(model + " parameters must be positive and finite");
            }
        }
    }
}
