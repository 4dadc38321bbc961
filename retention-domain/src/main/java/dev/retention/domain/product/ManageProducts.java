package dev.retention.domain.product;

import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.time.Clock;

/** Reads and names the products of the catalogue. */
public class ManageProducts {

    /** A product after an upsert, and whether the upsert added it. */
    public record Put(Product product, boolean created) {}

    private final Products products;
    private final Clock clock;

    public ManageProducts(Products products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    public Put put(String id, ProductDraft draft) {
        draft.check(id);
        boolean created = products.put(id, draft, Instants.now(clock));
        return new Put(get(id), created);
    }

    public Product get(String id) {
        return products.find(id).orElseThrow(() -> new ResourceNotFoundException("Product", id));
    }

    public Page<Product> list(ProductQuery query, PageRequest page) {
        return products.search(query, page);
    }
}
