package dev.retention.persistence.recommendation;

import dev.retention.domain.recommendation.OfflineEvaluation;
import dev.retention.domain.recommendation.RankingQuality;
import dev.retention.domain.recommendation.RecommendationSettings;
import dev.retention.persistence.shared.JsonColumns;
import java.util.LinkedHashMap;
import java.util.Map;

/** A build's settings and evaluation as the JSON objects of their jsonb columns. */
final class BuildJson {

    private BuildJson() {}

    static Map<String, Object> settings(RecommendationSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("neighbours", settings.neighbours());
        json.put("minimumCoBuyers", settings.minimumCoBuyers());
        json.put("shrinkage", settings.shrinkage());
        json.put("recencyDecay", settings.recencyDecay());
        json.put("repeatShare", settings.repeatShare());
        json.put("repeatMinimumBuyers", settings.repeatMinimumBuyers());
        return json;
    }

    static RecommendationSettings settings(Map<String, Object> json) {
        return new RecommendationSettings(
                ((Number) json.get("neighbours")).intValue(),
                ((Number) json.get("minimumCoBuyers")).intValue(),
                ((Number) json.get("shrinkage")).doubleValue(),
                ((Number) json.get("recencyDecay")).doubleValue(),
                ((Number) json.get("repeatShare")).doubleValue(),
                ((Number) json.get("repeatMinimumBuyers")).intValue());
    }

    static Map<String, Object> evaluation(OfflineEvaluation.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("k", result.k());
        json.put("customersEvaluated", result.customersEvaluated());
        json.put("itemToItem", quality(result.itemToItem()));
        json.put("popularity", quality(result.popularity()));
        return json;
    }

    private static Map<String, Object> quality(RankingQuality quality) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hitRate", quality.hitRate());
        json.put("precision", quality.precision());
        json.put("recall", quality.recall());
        json.put("meanAveragePrecision", quality.meanAveragePrecision());
        json.put("coverage", quality.coverage());
        return json;
    }

    @SuppressWarnings("unchecked")
    static OfflineEvaluation.Result evaluation(String text) {
        if (text == null) {
            return null;
        }
        Map<String, Object> json = JsonColumns.readObject(text);
        return new OfflineEvaluation.Result(
                ((Number) json.get("k")).intValue(),
                ((Number) json.get("customersEvaluated")).intValue(),
                quality((Map<String, Object>) json.get("itemToItem")),
                quality((Map<String, Object>) json.get("popularity")));
    }

    private static RankingQuality quality(Map<String, Object> json) {
        return new RankingQuality(
                ((Number) json.get("hitRate")).doubleValue(),
                ((Number) json.get("precision")).doubleValue(),
                ((Number) json.get("recall")).doubleValue(),
                ((Number) json.get("meanAveragePrecision")).doubleValue(),
                ((Number) json.get("coverage")).doubleValue());
    }
}
