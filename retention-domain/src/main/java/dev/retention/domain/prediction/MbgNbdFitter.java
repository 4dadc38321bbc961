package dev.retention.domain.prediction;

import java.util.List;

/** Fits the MBG/NBD parameters by maximum likelihood. */
public final class MbgNbdFitter {

    private MbgNbdFitter() {}

    public static ModelFit<MbgNbdParameters> fit(List<PurchaseSummary> customers) {
        return PurchaseModelFits.fit(
                customers,
                "MBG/NBD",
                p -> new MbgNbdParameters(p[0], p[1], p[2], p[3]),
                new PurchaseModelFits.Likelihood<MbgNbdParameters, Double>() {
                    @Override
                    public Double frequencyTerms(MbgNbdParameters parameters, int x) {
                        return parameters.frequencyTerm(x);
                    }

                    @Override
                    public double logLikelihood(
                            MbgNbdParameters parameters, PurchaseSummary customer, Double frequencyTerm) {
                        return parameters.logLikelihood(customer, frequencyTerm);
                    }
                });
    }
}
