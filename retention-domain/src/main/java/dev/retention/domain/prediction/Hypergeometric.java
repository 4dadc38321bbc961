package dev.retention.domain.prediction;

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, as the BG/NBD expectations need it, in log
 * space so that the huge values of heavy buyers do not overflow.
 */
public final class Hypergeometric {

    private static final int MAX_TERMS = 1_000_000;
    private static final double TOLERANCE = 1e-15;
    private static final double RESCALE_ABOVE = 1e200;
    private static final double LOG_RESCALE = Math.log(RESCALE_ABOVE);

    private Hypergeometric() {}

    /**
     * log 2F1(a, b; c; z). Uses Euler's transformation 2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c;
     * z): in the BG/NBD formulas c - a and c - b do not grow with the number of purchases while c does, so the
     * transformed series converges in a few terms where the plain one would need millions.
     */
    public static double log2F1(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("z must lie in [0, 1): " + z);
        }
        if (c <= 0) {
            throw new IllegalArgumentException("c must be positive: " + c);
        }
        return (c - a - b) * Math.log1p(-z) + logSeries(c - a, c - b, c, z);
    }

    /**
     * 2F1(a, b; c; z) by its power series, for parameters of moderate size; c may be negative but not a
     * non-positive integer.
     */
    public static double value(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("z must lie in [0, 1): " + z);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("c must not be a non-positive integer: " + c);
        }
        return series(a, b, c, z);
    }

    /**
     * log of the power series, rescaled as it grows: with large parameters (a fit whose a and b run into the
     * thousands) the terms climb far beyond the largest double before they fall, though the logarithm is moderate.
     */
    private static double logSeries(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        double logScale = 0;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(sum) > RESCALE_ABOVE) {
                sum /= RESCALE_ABOVE;
                term /= RESCALE_ABOVE;
                logScale += LOG_RESCALE;
            }
            if (Math.abs(term) <= TOLERANCE * Math.abs(sum)) {
                if (!(sum > 0)) {
                    throw new ArithmeticException("2F1 series lost its precision: " + sum);
                }
                return logScale + Math.log(sum);
            }
        }
        throw new ArithmeticException("2F1 series did not converge for z = " + z);
    }

    /** The plain power series sum_n (a)_n (b)_n / ((c)_n n!) z^n. */
    private static double series(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) <= TOLERANCE * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1 series did not converge for z = " + z);
    }
}
