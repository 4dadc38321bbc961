package dev.retention.domain.recommendation;

import dev.retention.domain.customer.CustomerId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer's recommendations from one build of the model, with the catalogue's names of the products that have
 * one; when the list is empty, {@code reason} says why.
 */
public record CustomerRecommendations(
        CustomerId customerId, UUID modelId, List<Recommendation> items, Map<String, String> names, String reason) {

    public CustomerRecommendations {
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    static CustomerRecommendations none(CustomerId customerId, UUID modelId, String reason) {
        return new CustomerRecommendations(customerId, modelId, List.of(), Map.of(), reason);
    }
}
