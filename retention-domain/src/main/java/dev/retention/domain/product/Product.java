package dev.retention.domain.product;

import java.time.Instant;

/**
 * A product of the catalogue. Products mentioned by events join it unnamed and active; an upsert names them.
 * Inactive products are never recommended.
 */
public record Product(String id, String name, String category, boolean active, Instant createdAt, Instant updatedAt) {}
