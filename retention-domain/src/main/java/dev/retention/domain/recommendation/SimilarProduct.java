package dev.retention.domain.recommendation;

/** A product bought by the buyers of another one: how similar, and how many customers bought both. */
public record SimilarProduct(String productId, double score, int coBuyers) {}
