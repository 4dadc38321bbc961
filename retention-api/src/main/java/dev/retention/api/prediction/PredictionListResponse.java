package dev.retention.api.prediction;

import dev.retention.api.shared.CsvExport;
import dev.retention.api.shared.EnumDocumentation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "Customers ranked by the current model of a segment (or of all customers).")
@CsvExport
record PredictionListResponse(
        @Schema(description = "The model that made the predictions.")
        UUID modelId,

        @Schema(description = "When the model was fitted.") Instant modelFittedAt,

        @Schema(description = "The segment of the model; null: all customers.") @Nullable
        String segment,

        @Schema(ref = EnumDocumentation.PREDICTION_ORDER) String orderBy,

        @Schema(description = "The customers, in that order.")
        List<PredictionResponse> items) {}
