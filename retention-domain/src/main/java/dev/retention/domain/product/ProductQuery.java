package dev.retention.domain.product;

/** Filters of the catalogue; null matches everything. */
public record ProductQuery(Boolean active, String category) {}
