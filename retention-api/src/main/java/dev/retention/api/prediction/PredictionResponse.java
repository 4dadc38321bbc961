package dev.retention.api.prediction;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.prediction.ModelTimeUnit;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "What the current lifetime-value model expects of one customer, as of its calibration end.")
@CsvExport
record PredictionResponse(
        @Schema(description = "The customer's id.") UUID customerId,

        @Schema(description = "The model that made the prediction.")
        UUID modelId,

        @Schema(description = "When the model was fitted.") Instant modelFittedAt,

        @Schema(description = "The model's calibration end: the prediction looks forward from this date.")
        LocalDate calibrationEnd,

        @Schema(description = "The segment of the model; null: the model of all customers.") @Nullable
        String segment,

        @Schema(description = "The unit of frequency, recency and age.")
        ModelTimeUnit timeUnit,

        @Schema(description = "Repeat purchases x: purchase time units after the first.", example = "2")
        int frequency,

        @Schema(
                description = "Recency t_x: time from the first to the last purchase, in time units.",
                example = "30.43")
        double recency,

        @Schema(
                description = "Age T: time from the first purchase to the calibration end, in time units.",
                example = "38.86")
        double age,

        @Schema(description = "P(alive): the chance that the customer is still buying.", example = "0.74")
        double probabilityAlive,

        @Schema(description = "Expected purchases in the 30 days after the calibration end.")
        double expectedPurchases30Days,

        @Schema(description = "Expected purchases in the 90 days after the calibration end.")
        double expectedPurchases90Days,

        @Schema(description = "Expected purchases in the 365 days after the calibration end.")
        double expectedPurchases365Days,

        @Schema(description = "Expected spend per purchase (Gamma-Gamma conditional mean).", example = "35.08")
        BigDecimal expectedAverageSpend,

        @Schema(
                description = "Predicted lifetime value over the model's horizon, discounted monthly.",
                example = "41.26")
        BigDecimal lifetimeValue,

        @Schema(description = "Currency of the amounts.", example = "EUR")
        String currency,

        @Schema(description = "The lifetime-value horizon in months.")
        int horizonMonths) {}
