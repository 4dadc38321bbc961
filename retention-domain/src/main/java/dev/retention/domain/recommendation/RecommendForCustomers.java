package dev.retention.domain.recommendation;

import dev.retention.domain.product.Products;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The top products of many customers at once, from the latest model read once, by the same rule as one customer's
 * recommendations ({@link Recommend#forCustomer}); for a strategy's treated customers.
 */
public class RecommendForCustomers {

    private final RecommendationStore store;
    private final Products products;

    public RecommendForCustomers(RecommendationStore store, Products products) {
        this.store = store;
        this.products = products;
    }

    /** Each customer's top {@code limit} product ids; empty for all when no model was built yet. */
    public Map<UUID, List<String>> topProducts(Collection<UUID> customers, int limit) {
        RecommendationBuild build = store.latestSucceeded().orElse(null);
        if (build == null || customers.isEmpty()) {
            return Map.of();
        }
        CoPurchaseModel model = store.model(build.id());
        Set<String> inactive = products.inactiveAmong(model.stats().keySet());
        Map<UUID, PurchaseHistory> histories = new HashMap<>();
        store.purchaseHistoriesOf(customers).forEach(history -> histories.put(history.customerId(), history));
        Map<UUID, List<String>> top = new HashMap<>();
        for (UUID customer : customers) {
            PurchaseHistory history = histories.getOrDefault(customer, new PurchaseHistory(customer, null, List.of()));
            top.put(
                    customer,
                    Recommend.forCustomer(
                                    history, model, build.settings(), product -> !inactive.contains(product), limit)
                            .stream()
                            .map(Recommendation::productId)
                            .toList());
        }
        return top;
    }
}
