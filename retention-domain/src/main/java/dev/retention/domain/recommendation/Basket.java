package dev.retention.domain.recommendation;

import java.time.Instant;
import java.util.List;

/** The products of one order, and when it was placed. */
public record Basket(Instant at, List<String> products) {

    public Basket {
        products = List.copyOf(products);
    }
}
