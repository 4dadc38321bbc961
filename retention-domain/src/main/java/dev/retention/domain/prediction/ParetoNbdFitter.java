package dev.retention.domain.prediction;

import java.util.List;

/** Fits the Pareto/NBD parameters by maximum likelihood. */
public final class ParetoNbdFitter {

    private ParetoNbdFitter() {}

    public static ModelFit<ParetoNbdParameters> fit(List<PurchaseSummary> customers) {
        return PurchaseModelFits.fit(
                customers,
                "Pareto/NBD",
                p -> new ParetoNbdParameters(p[0], p[1], p[2], p[3]),
                new PurchaseModelFits.Likelihood<ParetoNbdParameters, ParetoNbdParameters.FrequencyTerms>() {
                    @Override
                    public ParetoNbdParameters.FrequencyTerms frequencyTerms(ParetoNbdParameters parameters, int x) {
                        return parameters.frequencyTerms(x);
                    }

                    @Override
                    public double logLikelihood(
                            ParetoNbdParameters parameters,
                            PurchaseSummary customer,
                            ParetoNbdParameters.FrequencyTerms frequencyTerms) {
                        return parameters.logLikelihood(customer, frequencyTerms);
                    }
                });
    }
}
