package dev.retention.api.prediction;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "Customers ranked by the current model of a segment (or of all customers).")
record PredictionListResponse(
        @Schema(description = "The model that made the predictions.") UUID modelId,
        @Schema(description = "When the model was fitted.") Instant modelFittedAt,
        @Schema(description = "The segment of the model; null: all customers.") String segment,
        @Schema(description = "clv: highest lifetime value first; pAlive: lowest P(alive) first.",
                example = "clv")
        String orderBy,
        @Schema(description = "The customers, in that order.") List<PredictionResponse> items) {}
