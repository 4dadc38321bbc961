package dev.retention.domain.product;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The product catalogue. */
public interface Products {

    Optional<Product> find(String id);

    /** Products by id, in id order. */
    Page<Product> search(ProductQuery query, PageRequest page);

    /** Creates or replaces what is said about a product; true when it was not in the catalogue before. */
    boolean put(String id, ProductDraft draft, Instant now);

    /** Names the given products that are in the catalogue without a name; named ones keep theirs. */
    void nameUnnamed(Map<String, String> names);

    /** The names of the products among {@code ids} that have one. */
    Map<String, String> namesOf(Collection<String> ids);

    /** The ones among {@code ids} that are in the catalogue and inactive. */
    Set<String> inactiveAmong(Collection<String> ids);
}
