package dev.retention.domain.prediction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fitted model: its parameters, the maximised log-likelihood, the customers it was fitted on, the number of
 * likelihood evaluations, and the standard errors of the log-parameters (from the observed information), in the
 * order of the parameters (null where the information matrix is singular).
 */
public record ModelFit<P>(
        P parameters, double logLikelihood, int customers, int evaluations, List<Double> logParameterStandardErrors) {

    public ModelFit {
        logParameterStandardErrors = Collections.unmodifiableList(new ArrayList<>(logParameterStandardErrors));
    }
}
