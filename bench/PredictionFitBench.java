import dev.retention.domain.prediction.BgNbdFitter;
import dev.retention.domain.prediction.BgNbdParameters;
import dev.retention.domain.prediction.GammaGammaFitter;
import dev.retention.domain.prediction.GammaGammaParameters;
import dev.retention.domain.prediction.ModelFit;
import dev.retention.domain.prediction.PurchaseModel;
import dev.retention.domain.prediction.PurchaseModelKind;
import dev.retention.domain.prediction.PurchaseSummary;
import dev.retention.domain.prediction.SimulatedPopulation;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fit time of BG/NBD plus Gamma-Gamma, and of MBG/NBD and Pareto/NBD against BG/NBD: on the CDNOW summary (2,357
 * customers) and on customers simulated from the CDNOW parameters. Each fit runs after warm-up fits of the same data; the median of the timed fits is reported.
 * Run through bench/prediction_bench.py, which builds the class path.
 */
public class PredictionFitBench {

    private static final int WARM_UP = 3;

    public static void main(String[] args) throws Exception {
        Path cdnow = Path.of(args[0]);
        int simulated = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        measure("CDNOW summary", cdnowSummary(cdnow), rounds);
        measure("simulated", SimulatedPopulation.simulate(1997L, simulated,
                new BgNbdParameters(0.243, 4.414, 0.793, 2.426), new GammaGammaParameters(6.25, 3.74, 15.44)),
                rounds);
    }

    private static void measure(String name, List<PurchaseSummary> customers, int rounds) {
        ModelFit<BgNbdParameters> purchases = null;
        ModelFit<GammaGammaParameters> spend = null;
        for (int i = 0; i < WARM_UP; i++) {
            BgNbdFitter.fit(customers);
            GammaGammaFitter.fit(customers);
        }
        double[] bgMillis = new double[rounds];
        double[] ggMillis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long began = System.nanoTime();
            purchases = BgNbdFitter.fit(customers);
            long between = System.nanoTime();
            spend = GammaGammaFitter.fit(customers);
            long ended = System.nanoTime();
            bgMillis[i] = (between - began) / 1e6;
            ggMillis[i] = (ended - between) / 1e6;
        }
        System.out.printf("%s, %,d customers: BG/NBD %.1f ms (%d evaluations), Gamma-Gamma %.1f ms "
                + "(%d evaluations), both %.1f ms (medians of %d after %d warm-up fits)%n", name, customers.size(),
                median(bgMillis), purchases.evaluations(), median(ggMillis), spend.evaluations(),
                median(bgMillis) + median(ggMillis), rounds, WARM_UP);
        System.out.printf("   %s%n   %s%n", purchases.parameters(), spend.parameters());
        for (PurchaseModelKind kind : new PurchaseModelKind[] {PurchaseModelKind.MBG_NBD, PurchaseModelKind.PARETO_NBD}) {
            kind.fit(customers);
            double[] millis = new double[rounds];
            ModelFit<? extends PurchaseModel> fit = null;
            for (int i = 0; i < rounds; i++) {
                long began = System.nanoTime();
                fit = kind.fit(customers);
                millis[i] = (System.nanoTime() - began) / 1e6;
            }
            System.out.printf("   %s %.1f ms (%d evaluations; %.1f x BG/NBD in the same run, median of %d after one "
                    + "warm-up fit)%n   %s%n", kind.title(), median(millis), fit.evaluations(),
                    median(millis) / median(bgMillis), rounds, fit.parameters());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<PurchaseSummary> cdnowSummary(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<PurchaseSummary> customers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] column = line.split(",");
            customers.add(new PurchaseSummary(Integer.parseInt(column[1]), Double.parseDouble(column[2]),
                    Double.parseDouble(column[3]), new BigDecimal(column[4])));
        }
        return customers;
    }
}
