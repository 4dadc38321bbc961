package dev.retention.domain.recommendation;

import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.product.Product;
import dev.retention.domain.product.Products;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Serves the latest successful build of the item-to-item model: a customer's recommendations, a product's peers. */
public class RecommendProducts {

    public static final int MAX_LIMIT = PageRequest.MAX_SIZE;

    private final RecommendationStore store;
    private final Customers customers;
    private final Products products;

    public RecommendProducts(RecommendationStore store, Customers customers, Products products) {
        this.store = store;
        this.customers = customers;
        this.products = products;
    }

    public CustomerRecommendations forCustomer(CustomerId id, int limit) {
        checkLimit(limit);
        Customer customer = customers.existing(id);
        if (customer.isErased()) {
            return CustomerRecommendations.none(id, null, "The customer is erased.");
        }
        RecommendationBuild build = store.latestSucceeded().orElse(null);
        if (build == null) {
            return CustomerRecommendations.none(
                    id, null, "No recommendation model yet: POST /api/v1/recommendation-models builds one.");
        }
        PurchaseHistory history = store.purchaseHistory(id, customer.segment());
        Set<String> bought = history.products();
        CoPurchaseModel model = store.modelAround(build.id(), bought, customer.segment());
        Set<String> candidates = new HashSet<>(bought);
        bought.forEach(product -> model.similarTo(product).forEach(similar -> candidates.add(similar.productId())));
        candidates.addAll(model.popularIn(customer.segment()));
        Set<String> inactive = products.inactiveAmong(candidates);
        List<Recommendation> items =
                Recommend.forCustomer(history, model, build.settings(), product -> !inactive.contains(product), limit);
        String reason = null;
        if (items.isEmpty()) {
            reason = bought.isEmpty() && model.popular().isEmpty()
                    ? "No purchases with products yet, from anyone."
                    : "Every product the model knows is bought by this customer already or inactive.";
        }
        return new CustomerRecommendations(
                id,
                build.id(),
                items,
                products.namesOf(items.stream().map(Recommendation::productId).toList()),
                reason);
    }

    /** The products most similar to one, best first, inactive ones left out. */
    public SimilarProducts similarTo(String productId, int limit) {
        checkLimit(limit);
        Product product =
                products.find(productId).orElseThrow(() -> new ResourceNotFoundException("Product", productId));
        RecommendationBuild build = store.latestSucceeded().orElse(null);
        if (build == null) {
            return new SimilarProducts(product.id(), null, List.of(), "No recommendation model yet.");
        }
        List<SimilarProduct> all =
                store.modelAround(build.id(), List.of(productId), null).similarTo(productId);
        Set<String> inactive = products.inactiveAmong(
                all.stream().map(SimilarProduct::productId).toList());
        List<SimilarProduct> items = new ArrayList<>();
        for (SimilarProduct similar : all) {
            if (items.size() < limit && !inactive.contains(similar.productId())) {
                items.add(similar);
            }
        }
        return new SimilarProducts(
                product.id(),
                build.id(),
                items,
                items.isEmpty()
                        ? "Too few customers bought this product together with another one (at least "
                                + build.settings().minimumCoBuyers() + " needed)."
                        : null);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be 1 to " + MAX_LIMIT);
        }
    }
}
