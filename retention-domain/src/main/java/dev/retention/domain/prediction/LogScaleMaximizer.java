package dev.retention.domain.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood over positive parameters, searching their logarithms with Hipparchus' BOBYQA
 * (derivative-free, bounded). A maximum on the search bounds counts as no maximum at all.
 */
public final class LogScaleMaximizer {

    /** Parameters between e^-12 and e^12: far beyond any sensible value in any time unit. */
    private static final double BOUND = 12;

    private static final double EDGE = 1e-3;
    private static final int MAX_EVALUATIONS = 5_000;

    public record Maximum(double[] parameters, double logLikelihood, int evaluations, List<Double> standardErrors) {}

    private LogScaleMaximizer() {}

    public static Maximum maximize(ToDoubleFunction<double[]> logLikelihood, double[] start, String model) {
        int n = start.length;
        ToDoubleFunction<double[]> onLogScale = logs -> {
            double value = logLikelihood.applyAsDouble(exp(logs));
            return Double.isFinite(value) ? value : -1e300;
        };
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, -BOUND);
        Arrays.fill(upper, BOUND);
        double[] guess = new double[n];
        for (int i = 0; i < n; i++) {
            guess[i] = Math.log(start[i]);
        }
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, 0.5, 1e-7);
        PointValuePair best;
        try {
            best = optimizer.optimize(
                    new MaxEval(MAX_EVALUATIONS),
                    GoalType.MAXIMIZE,
                    new ObjectiveFunction(onLogScale::applyAsDouble),
                    new InitialGuess(guess),
                    new SimpleBounds(lower, upper));
        } catch (MathIllegalStateException notConverged) {
            throw new ModelFitException(
                    model + " fit did not converge within " + MAX_EVALUATIONS + " likelihood evaluations",
                    notConverged);
        }
        double[] logs = best.getPoint();
        for (int i = 0; i < n; i++) {
            if (Math.abs(logs[i]) > BOUND - EDGE) {
                throw new ModelFitException(model + " fit ran to the edge of the parameter range (parameter " + (i + 1)
                        + " = " + Math.exp(logs[i]) + "): the data do not pin the model down");
            }
        }
        if (best.getValue() <= -1e300) {
            throw new ModelFitException(model + " likelihood is not finite for these data");
        }
        return new Maximum(exp(logs), best.getValue(), optimizer.getEvaluations(), standardErrors(onLogScale, logs));
    }

    /**
     * Standard errors of the log-parameters: the square roots of the diagonal of the inverse observed information,
     * the negated Hessian of the log-likelihood by central differences. null where the information is singular.
     */
    private static List<Double> standardErrors(ToDoubleFunction<double[]> f, double[] at) {
        int n = at.length;
        double h = 1e-4;
        double[][] hessian = new double[n][n];
        double centre = f.applyAsDouble(at);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double value;
                if (i == j) {
                    value = (f.applyAsDouble(shift(at, i, h, j, 0))
                                    - 2 * centre
                                    + f.applyAsDouble(shift(at, i, -h, j, 0)))
                            / (h * h);
                } else {
                    value = (f.applyAsDouble(shift(at, i, h, j, h))
                                    - f.applyAsDouble(shift(at, i, h, j, -h))
                                    - f.applyAsDouble(shift(at, i, -h, j, h))
                                    + f.applyAsDouble(shift(at, i, -h, j, -h)))
                            / (4 * h * h);
                }
                hessian[i][j] = -value;
                hessian[j][i] = -value;
            }
        }
        List<Double> errors = new ArrayList<>(n);
        try {
            RealMatrix covariance = MatrixUtils.inverse(MatrixUtils.createRealMatrix(hessian));
            for (int i = 0; i < n; i++) {
                double variance = covariance.getEntry(i, i);
                errors.add(variance > 0 ? Math.sqrt(variance) : null);
            }
        } catch (RuntimeException singular) {
            for (int i = 0; i < n; i++) {
                errors.add(null);
            }
        }
        return errors;
    }

    private static double[] shift(double[] point, int i, double di, int j, double dj) {
        double[] shifted = point.clone();
        shifted[i] += di;
        shifted[j] += dj;
        return shifted;
    }

    private static double[] exp(double[] logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }
}
