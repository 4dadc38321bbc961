package dev.retention.domain.recommendation;

/** How many customers bought a product, and whether they come back for it. */
public record ProductStats(String productId, int buyers, int repeatBuyers, boolean repeatItem) {}
