package dev.retention.domain.recommendation;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one customer bought, order by order, oldest first (orders without products left out); the segment picks the
 * popular products for newcomers.
 */
public record PurchaseHistory(UUID customerId, String segment, List<Basket> baskets) {

    public PurchaseHistory {
        baskets = baskets.stream()
                .filter(basket -> !basket.products().isEmpty())
                .sorted(Comparator.comparing(Basket::at))
                .toList();
    }

    /** Every product bought, each once. */
    public Set<String> products() {
        Set<String> products = new LinkedHashSet<>();
        baskets.forEach(basket -> products.addAll(basket.products()));
        return products;
    }

    /** The history without its latest order. */
    PurchaseHistory withoutLast() {
        return new PurchaseHistory(customerId, segment, baskets.subList(0, baskets.size() - 1));
    }

    Basket last() {
        return baskets.get(baskets.size() - 1);
    }
}
