package dev.retention.domain.recommendation;

import java.util.List;
import java.util.UUID;

/** The products most similar to one, from one build of the model; when empty, {@code reason} says why. */
public record SimilarProducts(String productId, UUID modelId, List<SimilarProduct> items, String reason) {}
