package dev.retention.domain.forecast;

import dev.retention.domain.prediction.LogScaleMaximizer;
import dev.retention.domain.prediction.ModelFitException;
import java.util.List;

/**
 * Fits the shifted-beta-geometric model to survivor curves by maximum likelihood: one (α, β) for all the curves given,
 * whatever their lengths (a cohort acquired later has a shorter curve and contributes what it has).
 */
public final class SbgFitter {

    /** One period tells the churn rate of the first period, but not α from β. */
    public static final int MIN_PERIODS = 2;

    public static final long MIN_CUSTOMERS = 10;

    public SbgFit fit(List<SurvivorCurve> curves) {
        long customers = 0;
        long churned = 0;
        int periods = 0;
        for (SurvivorCurve curve : curves) {
            customers += curve.size();
            periods = Math.max(periods, curve.observedPeriods());
            churned += curve.size() - curve.alive(curve.observedPeriods());
        }
        if (periods < MIN_PERIODS) {
            throw new ModelFitException("needs customers observed for at least " + MIN_PERIODS
                    + " periods after their acquisition, and the data have " + periods
                    + ": one period tells the churn rate but not how it changes");
        }
        if (customers < MIN_CUSTOMERS) {
            throw new ModelFitException(
                    "needs at least " + MIN_CUSTOMERS + " customers, and the data have " + customers);
        }
        if (churned == 0) {
            throw new ModelFitException(
                    "nobody churned in the periods observed: the data give no churn rate to project");
        }
        if (curves.stream().allMatch(curve -> curve.observedPeriods() == 0 || curve.alive(1) == 0)) {
            throw new ModelFitException("everybody churned in the first period: nobody is left to project");
        }
        LogScaleMaximizer.Maximum maximum = LogScaleMaximizer.maximize(
                p -> new ShiftedBetaGeometric(p[0], p[1]).logLikelihood(curves), new double[] {1, 1}, "sBG");
        double alpha = maximum.parameters()[0];
        double beta = maximum.parameters()[1];
        return new SbgFit(
                new ShiftedBetaGeometric(alpha, beta),
                onNaturalScale(alpha, maximum.standardErrors().get(0)),
                onNaturalScale(beta, maximum.standardErrors().get(1)),
                maximum.logLikelihood(),
                customers,
                periods);
    }

    /** SE(x) ≈ x SE(log x) to first order. */
    private static Double onNaturalScale(double value, Double logStandardError) {
        return logStandardError == null ? null : value * logStandardError;
    }
}
