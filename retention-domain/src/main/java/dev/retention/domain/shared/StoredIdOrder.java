package dev.retention.domain.shared;

import java.util.Comparator;
import java.util.UUID;

/**
 * Ids in the order PostgreSQL sorts {@code uuid} values: bytewise unsigned from the first byte (the order of their
 * text form). Java's {@code UUID.compareTo} compares the two 64-bit halves signed, so an id from {@code 8...} up sorts
 * before {@code 0...} there; rules that break ties by id use this order, so that the database can restate them.
 */
public final class StoredIdOrder {

    public static final Comparator<UUID> ORDER = StoredIdOrder::compare;

    private StoredIdOrder() {}

    public static int compare(UUID id, UUID other) {
        int high = Long.compareUnsigned(id.getMostSignificantBits(), other.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(id.getLeastSignificantBits(), other.getLeastSignificantBits());
    }
}
