package dev.retention.domain.prediction;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

/** What the purchase models' fits share: the data they need, and maximum likelihood over four positive parameters. */
final class PurchaseModelFits {

    private PurchaseModelFits() {}

    /**
     * Fits a model whose four parameters {@code build} turns into the model and {@code logLikelihood} scores
     * against one customer's history; the customers' log-likelihoods are summed.
     */
    static <P> ModelFit<P> fit(
            List<PurchaseSummary> customers,
            String model,
            Function<double[], P> build,
            ToDoubleBiFunction<P, PurchaseSummary> logLikelihood) {
        if (customers.size() < BgNbdFitter.MIN_CUSTOMERS) {
            throw new ModelFitException(
                    model + " needs at least " + BgNbdFitter.MIN_CUSTOMERS + " customers, got " + customers.size());
        }
        if (customers.stream().noneMatch(customer -> customer.frequency() > 0)) {
            throw new ModelFitException(model + " needs customers with repeat purchases; none made one");
        }
        LogScaleMaximizer.Maximum maximum = LogScaleMaximizer.maximize(
                p -> {
                    P parameters = build.apply(p);
                    double total = 0;
                    for (PurchaseSummary customer : customers) {
                        total += logLikelihood.applyAsDouble(parameters, customer);
                    }
                    return total;
                },
                new double[] {1, 1, 1, 1},
                model);
        return new ModelFit<>(
                build.apply(maximum.parameters()),
                maximum.logLikelihood(),
                customers.size(),
                maximum.evaluations(),
                maximum.standardErrors());
    }
}
