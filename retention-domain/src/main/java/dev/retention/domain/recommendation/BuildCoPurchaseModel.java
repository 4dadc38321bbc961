package dev.retention.domain.recommendation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Item-to-item collaborative filtering on co-purchase (Linden, Smith &amp; York 2003, "Amazon.com Recommendations:
 * Item-to-Item Collaborative Filtering"). Two products are similar when the same customers bought them:
 *
 * <pre>
 *   similarity(i, j) = c / sqrt(n_i * n_j) * c / (c + shrinkage)
 * </pre>
 *
 * with c the customers who bought both and n the customers who bought each. The cosine divides by the popularity
 * of both, so that best-sellers do not become everybody's neighbour; the second factor damps pairs that rest on few
 * customers; pairs with fewer than {@code minimumCoBuyers} are dropped. Work is the sum over customers of the
 * square of their distinct products, never the square of the catalogue.
 */
public final class BuildCoPurchaseModel {

    /** Popular products kept overall and per segment. */
    public static final int POPULAR_KEPT = 100;

    private BuildCoPurchaseModel() {}

    public static CoPurchaseModel build(Collection<PurchaseHistory> histories, RecommendationSettings settings) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[][] bought = new int[histories.size()][];
        String[] segments = new String[histories.size()];
        List<int[]> repeatCounts = new ArrayList<>();
        int customer = 0;
        Map<Integer, Integer> basketsOf = new HashMap<>();
        for (PurchaseHistory history : histories) {
            basketsOf.clear();
            for (Basket basket : history.baskets()) {
                for (String product : new java.util.LinkedHashSet<>(basket.products())) {
                    int id = index.computeIfAbsent(product, name -> {
                        names.add(name);
                        return names.size() - 1;
                    });
                    basketsOf.merge(id, 1, Integer::sum);
                }
            }
            bought[customer] = basketsOf.keySet().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            repeatCounts.add(basketsOf.entrySet().stream()
                    .filter(entry -> entry.getValue() >= 2)
                    .mapToInt(Map.Entry::getKey)
                    .toArray());
            segments[customer] = history.segment();
            customer++;
        }
        int products = names.size();
        int[] buyers = new int[products];
        int[] repeatBuyers = new int[products];
        for (int c = 0; c < bought.length; c++) {
            for (int product : bought[c]) {
                buyers[product]++;
            }
            for (int product : repeatCounts.get(c)) {
                repeatBuyers[product]++;
            }
        }
        int[][] buyersOf = buyersOf(bought, buyers);
        Map<String, List<SimilarProduct>> similar = new HashMap<>();
        int[] coBuyers = new int[products];
        int[] touched = new int[products];
        for (int i = 0; i < products; i++) {
            int count = 0;
            for (int c : buyersOf[i]) {
                for (int j : bought[c]) {
                    if (j != i && coBuyers[j]++ == 0) {
                        touched[count++] = j;
                    }
                }
            }
            List<SimilarProduct> neighbours = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                int j = touched[t];
                int both = coBuyers[j];
                coBuyers[j] = 0;
                if (both >= settings.minimumCoBuyers()) {
                    double cosine = both / Math.sqrt((double) buyers[i] * buyers[j]);
                    neighbours.add(
                            new SimilarProduct(names.get(j), cosine * both / (both + settings.shrinkage()), both));
                }
            }
            neighbours.sort(BEST_FIRST);
            if (!neighbours.isEmpty()) {
                similar.put(
                        names.get(i),
                        List.copyOf(neighbours.subList(0, Math.min(settings.neighbours(), neighbours.size()))));
            }
        }
        Map<String, ProductStats> stats = new HashMap<>();
        for (int i = 0; i < products; i++) {
            boolean repeatItem = buyers[i] >= settings.repeatMinimumBuyers()
                    && repeatBuyers[i] >= settings.repeatShare() * buyers[i];
            stats.put(names.get(i), new ProductStats(names.get(i), buyers[i], repeatBuyers[i], repeatItem));
        }
        return new CoPurchaseModel(
                similar, stats, mostBought(buyers, names), popularBySegment(bought, segments, names));
    }

    /** Higher score first; equal scores by product id, so that every build ranks alike. */
    static final Comparator<SimilarProduct> BEST_FIRST =
            Comparator.comparingDouble(SimilarProduct::score).reversed().thenComparing(SimilarProduct::productId);

    private static int[][] buyersOf(int[][] bought, int[] buyers) {
        int[][] buyersOf = new int[buyers.length][];
        int[] filled = new int[buyers.length];
        for (int i = 0; i < buyers.length; i++) {
            buyersOf[i] = new int[buyers[i]];
        }
        for (int c = 0; c < bought.length; c++) {
            for (int product : bought[c]) {
                buyersOf[product][filled[product]++] = c;
            }
        }
        return buyersOf;
    }

    private static Map<String, List<String>> popularBySegment(int[][] bought, String[] segments, List<String> names) {
        Map<String, int[]> buyersBySegment = new TreeMap<>();
        for (int c = 0; c < bought.length; c++) {
            if (segments[c] != null) {
                int[] buyers = buyersBySegment.computeIfAbsent(segments[c], segment -> new int[names.size()]);
                for (int product : bought[c]) {
                    buyers[product]++;
                }
            }
        }
        Map<String, List<String>> bySegment = new TreeMap<>();
        buyersBySegment.forEach((segment, buyers) -> bySegment.put(segment, mostBought(buyers, names)));
        return bySegment;
    }

    /** The products with most buyers, ties by product id. */
    private static List<String> mostBought(int[] buyers, List<String> names) {
        List<Integer> bought = new ArrayList<>();
        for (int i = 0; i < buyers.length; i++) {
            if (buyers[i] > 0) {
                bought.add(i);
            }
        }
        bought.sort(Comparator.<Integer>comparingInt(i -> -buyers[i]).thenComparing(names::get));
        return bought.stream().limit(POPULAR_KEPT).map(names::get).toList();
    }
}
