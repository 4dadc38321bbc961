package dev.retention.domain.recommendation;

import java.util.List;
import java.util.Map;

/**
 * What the recommender knows: each product's similar products (best first), each product's buyers, and the most
 * bought products overall and per segment (most bought first).
 */
public record CoPurchaseModel(
        Map<String, List<SimilarProduct>> similar,
        Map<String, ProductStats> stats,
        List<String> popular,
        Map<String, List<String>> popularBySegment) {

    public List<SimilarProduct> similarTo(String productId) {
        return similar.getOrDefault(productId, List.of());
    }

    public boolean isRepeatItem(String productId) {
        ProductStats product = stats.get(productId);
        return product != null && product.repeatItem();
    }

    /** The most bought products among the segment's customers, or overall when the segment has none. */
    public List<String> popularIn(String segment) {
        List<String> inSegment = segment == null ? null : popularBySegment.get(segment);
        return inSegment == null || inSegment.isEmpty() ? popular : inSegment;
    }
}
