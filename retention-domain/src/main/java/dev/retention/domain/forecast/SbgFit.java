package dev.retention.domain.forecast;

/**
 * Fitted sBG parameters with their standard errors (from the observed information, by the delta method from the log
 * scale the fit searches), the maximised log-likelihood, and what the fit saw: customers and the longest curve.
 */
public record SbgFit(
        ShiftedBetaGeometric model,
        Double alphaStandardError,
        Double betaStandardError,
        double logLikelihood,
        long customers,
        int observedPeriods) {}
