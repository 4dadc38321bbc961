import dev.retention.domain.forecast.SbgFit;
import dev.retention.domain.forecast.SbgFitter;
import dev.retention.domain.forecast.SurvivorCurve;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.BetaDistribution;

/**
 * Fit time of the shifted-beta-geometric model: survivor curves of many cohorts, each of a thousand customers whose
 * churn probabilities come from Beta(α, β), fitted pooled (one fit over all curves) and per cohort (one fit each).
 * Medians of the timed rounds after warm-up. Run through bench/forecast_bench.py, which builds the class path.
 */
public class SbgFitBench {

    private static final int WARM_UP = 3;

    public static void main(String[] args) {
        int cohorts = Integer.parseInt(args[0]);
        int periods = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<SurvivorCurve> curves = simulate(cohorts, periods, 0.7, 1.2, 1_000);
        SbgFitter fitter = new SbgFitter();
        for (int i = 0; i < WARM_UP; i++) {
            fitter.fit(curves);
        }
        double[] pooled = new double[rounds];
        SbgFit fit = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            fit = fitter.fit(curves);
            pooled[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] each = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            for (SurvivorCurve curve : curves) {
                fitter.fit(List.of(curve));
            }
            each[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(
                "%d cohorts x %d periods (%d customers): pooled fit median %.1f ms (alpha %.4f, beta %.4f); "
                        + "one fit per cohort, all %d: median %.1f ms%n",
                cohorts, periods, fit.customers(), median(pooled), fit.model().alpha(), fit.model().beta(), cohorts,
                median(each));
    }

    /** Each cohort: customers with θ ~ Beta(α, β), each churning in period t with probability θ, observed for periods. */
    private static List<SurvivorCurve> simulate(int cohorts, int periods, double alpha, double beta, int size) {
        SplittableRandom random = new SplittableRandom(2007L);
        BetaDistribution theta = new BetaDistribution(alpha, beta);
        List<SurvivorCurve> curves = new ArrayList<>();
        for (int c = 0; c < cohorts; c++) {
            long[] alive = new long[periods + 1];
            for (int i = 0; i < size; i++) {
                double p = theta.inverseCumulativeProbability(random.nextDouble());
                alive[0]++;
                for (int t = 1; t <= periods && random.nextDouble() >= p; t++) {
                    alive[t]++;
                }
            }
            curves.add(new SurvivorCurve(
                    LocalDate.parse("2000-01-01").plusMonths(c), null, Arrays.stream(alive).boxed().toList()));
        }
        return curves;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
