package dev.retention.domain.recommendation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Leave-last-order-out evaluation: every customer with at least two orders has the latest one held out; the model
 * is built from everything else (the other customers' whole histories and the earlier orders), and each such
 * customer's top-k list, made from the earlier orders only, is compared with the products of the held-out order.
 * The popularity baseline (the most bought products the customer did not buy, under the same rule for repeat
 * items) is scored on the same customers in the same run.
 */
public final class OfflineEvaluation {

    /** The length of the lists evaluated: the top ten. */
    public static final int K = 10;

    private OfflineEvaluation() {}

    public record Result(int k, int customersEvaluated, RankingQuality itemToItem, RankingQuality popularity) {

        /** How many times the popularity baseline's hit rate the item-to-item one is; NaN when the baseline is 0. */
        public double hitRateRatio() {
            return popularity.hitRate() == 0 ? Double.NaN : itemToItem.hitRate() / popularity.hitRate();
        }
    }

    public static Result evaluate(
            Collection<PurchaseHistory> histories,
            RecommendationSettings settings,
            Predicate<String> available,
            int k) {
        List<PurchaseHistory> training = new ArrayList<>(histories.size());
        List<PurchaseHistory> evaluated = new ArrayList<>();
        List<Set<String>> heldOut = new ArrayList<>();
        for (PurchaseHistory history : histories) {
            if (history.baskets().size() >= 2) {
                PurchaseHistory earlier = history.withoutLast();
                training.add(earlier);
                evaluated.add(earlier);
                heldOut.add(new HashSet<>(history.last().products()));
            } else {
                training.add(history);
            }
        }
        CoPurchaseModel model = BuildCoPurchaseModel.build(training, settings);
        int catalogue = model.stats().size();
        RankingQuality itemToItem = score(
                evaluated,
                heldOut,
                history -> Recommend.forCustomer(history, model, settings, available, k),
                k,
                catalogue);
        RankingQuality popularity =
                score(evaluated, heldOut, history -> Recommend.popular(history, model, available, k), k, catalogue);
        return new Result(k, evaluated.size(), itemToItem, popularity);
    }

    static RankingQuality score(
            List<PurchaseHistory> evaluated,
            List<Set<String>> heldOut,
            Function<PurchaseHistory, List<Recommendation>> recommender,
            int k,
            int catalogue) {
        if (evaluated.isEmpty()) {
            return new RankingQuality(0, 0, 0, 0, 0);
        }
        double hits = 0;
        double precision = 0;
        double recall = 0;
        double averagePrecision = 0;
        Set<String> recommended = new HashSet<>();
        for (int c = 0; c < evaluated.size(); c++) {
            List<Recommendation> list = recommender.apply(evaluated.get(c));
            Set<String> relevant = heldOut.get(c);
            int found = 0;
            double precisionSum = 0;
            for (int rank = 0; rank < Math.min(k, list.size()); rank++) {
                String product = list.get(rank).productId();
                recommended.add(product);
                if (relevant.contains(product)) {
                    found++;
                    precisionSum += (double) found / (rank + 1);
                }
            }
            hits += found > 0 ? 1 : 0;
            precision += (double) found / k;
            recall += (double) found / relevant.size();
            averagePrecision += precisionSum / Math.min(k, relevant.size());
        }
        int n = evaluated.size();
        return new RankingQuality(
                hits / n,
                precision / n,
                recall / n,
                averagePrecision / n,
                catalogue == 0 ? 0 : (double) recommended.size() / catalogue);
    }
}
