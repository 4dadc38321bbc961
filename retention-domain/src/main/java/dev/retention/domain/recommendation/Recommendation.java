package dev.retention.domain.recommendation;

import java.util.List;

/**
 * A product to offer a customer, with the score that ranks it and the products of the customer's history that
 * explain it ("because you bought ..."), strongest first; none when it is one of the most bought products.
 */
public record Recommendation(String productId, double score, Source source, List<String> because) {

    public enum Source {
        /** Bought by the buyers of what the customer bought (or, for a repeat-purchase item, bought before). */
        SIMILAR,
        /** Among the most bought products of the customer's segment: for newcomers, and to fill a short list. */
        POPULAR
    }
}
