package dev.retention.domain.prediction;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/** What the purchase models' fits share: the data they need, and maximum likelihood over four positive parameters. */
final class PurchaseModelFits {

    /** Customers per slice of the likelihood's sum: enough work per task, few tasks. */
    private static final int SLICE = 4_096;

    private PurchaseModelFits() {}

    /**
     * A customer's log-likelihood in two parts: the terms that depend on its number of repeat purchases x alone (of
     * type T), computed once per distinct x, and the rest.
     */
    interface Likelihood<P, T> {

        T frequencyTerms(P parameters, int x);

        double logLikelihood(P parameters, PurchaseSummary customer, T frequencyTerms);
    }

    /** Four parameters need enough customers, and some with repeat purchases. */
    static void requireFittable(List<PurchaseSummary> customers, String model) {
        if (customers.size() < BgNbdFitter.MIN_CUSTOMERS) {
            throw new ModelFitException(
                    model + " needs at least " + BgNbdFitter.MIN_CUSTOMERS + " customers, got " + customers.size());
        }
        if (customers.stream().noneMatch(customer -> customer.frequency() > 0)) {
            throw new ModelFitException(model + " needs customers with repeat purchases; none made one");
        }
    }

    /**
     * Fits a model whose four parameters {@code build} turns into the model and {@code likelihood} scores against
     * one customer's history; the customers' log-likelihoods are summed.
     */
    static <P, T> ModelFit<P> fit(
            List<PurchaseSummary> customers, String model, Function<double[], P> build, Likelihood<P, T> likelihood) {
        requireFittable(customers, model);
        List<PurchaseSummary> byFrequency = FrequencyGroups.of(customers).customers();
        LogScaleMaximizer.Maximum maximum = LogScaleMaximizer.maximize(
                p -> sum(byFrequency, build.apply(p), likelihood), new double[] {1, 1, 1, 1}, model);
        return new ModelFit<>(
                build.apply(maximum.parameters()),
                maximum.logLikelihood(),
                customers.size(),
                maximum.evaluations(),
                maximum.standardErrors());
    }

    /**
     * Σ over the customers (sorted by x, so that each slice computes the terms of each x once), in fixed slices
     * summed on the cores at once and then added in their order, so that a fit is as fast as the machine allows and
     * still gives the same digits on every run.
     */
    private static <P, T> double sum(List<PurchaseSummary> customers, P parameters, Likelihood<P, T> likelihood) {
        int slices = (customers.size() + SLICE - 1) / SLICE;
        double[] partial = new double[slices];
        IntStream.range(0, slices).parallel().forEach(slice -> {
            double total = 0;
            int x = -1;
            T frequencyTerms = null;
            for (int i = slice * SLICE; i < Math.min(customers.size(), (slice + 1) * SLICE); i++) {
                PurchaseSummary customer = customers.get(i);
                if (customer.frequency() != x) {
                    x = customer.frequency();
                    frequencyTerms = likelihood.frequencyTerms(parameters, x);
                }
                total += likelihood.logLikelihood(parameters, customer, frequencyTerms);
            }
            partial[slice] = total;
        });
        double total = 0;
        for (double value : partial) {
            total += value;
        }
        return total;
    }
}
