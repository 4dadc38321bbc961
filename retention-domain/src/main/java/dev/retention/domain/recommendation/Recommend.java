package dev.retention.domain.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Ranks products for one customer. Each product bought weighs {@code recencyDecay^k}, k the number of the
 * customer's orders placed since it was last bought; a candidate scores the sum over the bought products of weight
 * times similarity. A repeat-purchase item the customer bought scores its own weight as well (a product's
 * similarity to itself is 1), since such customers come back for it. Other products the customer bought, and
 * products not available, are never offered. A list shorter than asked is filled with the most bought products of
 * the customer's segment, the same rule that serves customers without purchases.
 */
public final class Recommend {

    /** Products named as the reason of one recommendation. */
    public static final int REASONS = 3;

    private Recommend() {}

    public static List<Recommendation> forCustomer(
            PurchaseHistory history,
            CoPurchaseModel model,
            RecommendationSettings settings,
            Predicate<String> available,
            int limit) {
        Map<String, Double> weights = recencyWeights(history, settings.recencyDecay());
        Predicate<String> offered =
                product -> available.test(product) && (!weights.containsKey(product) || model.isRepeatItem(product));
        Map<String, Map<String, Double>> contributions = new HashMap<>();
        weights.forEach((bought, weight) -> {
            for (SimilarProduct similar : model.similarTo(bought)) {
                if (offered.test(similar.productId())) {
                    contributions
                            .computeIfAbsent(similar.productId(), product -> new HashMap<>())
                            .merge(bought, weight * similar.score(), Double::sum);
                }
            }
            if (model.isRepeatItem(bought) && available.test(bought)) {
                contributions
                        .computeIfAbsent(bought, product -> new HashMap<>())
                        .merge(bought, weight, Double::sum);
            }
        });
        List<Recommendation> ranked = new ArrayList<>();
        contributions.forEach((product, reasons) -> ranked.add(new Recommendation(
                product,
                reasons.values().stream().mapToDouble(Double::doubleValue).sum(),
                Recommendation.Source.SIMILAR,
                strongest(reasons))));
        ranked.sort(BEST_FIRST);
        List<Recommendation> chosen = new ArrayList<>(ranked.subList(0, Math.min(limit, ranked.size())));
        Set<String> taken = new LinkedHashSet<>();
        chosen.forEach(recommendation -> taken.add(recommendation.productId()));
        for (String popular : model.popularIn(history.segment())) {
            if (chosen.size() >= limit) {
                break;
            }
            if (offered.test(popular) && taken.add(popular)) {
                chosen.add(new Recommendation(popular, 0, Recommendation.Source.POPULAR, List.of()));
            }
        }
        return chosen;
    }

    /** The most bought products the customer did not buy (or buys again), without looking at what they bought. */
    public static List<Recommendation> popular(
            PurchaseHistory history, CoPurchaseModel model, Predicate<String> available, int limit) {
        Set<String> bought = history.products();
        List<Recommendation> chosen = new ArrayList<>();
        for (String popular : model.popular()) {
            if (chosen.size() >= limit) {
                break;
            }
            if (available.test(popular) && (!bought.contains(popular) || model.isRepeatItem(popular))) {
                chosen.add(new Recommendation(popular, 0, Recommendation.Source.POPULAR, List.of()));
            }
        }
        return chosen;
    }

    static Map<String, Double> recencyWeights(PurchaseHistory history, double decay) {
        Map<String, Double> weights = new HashMap<>();
        List<Basket> baskets = history.baskets();
        double weight = 1;
        for (int k = baskets.size() - 1; k >= 0; k--) {
            for (String product : baskets.get(k).products()) {
                weights.putIfAbsent(product, weight);
            }
            weight *= decay;
        }
        return weights;
    }

    private static List<String> strongest(Map<String, Double> reasons) {
        return reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(REASONS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static final Comparator<Recommendation> BEST_FIRST =
            Comparator.comparingDouble(Recommendation::score).reversed().thenComparing(Recommendation::productId);
}
