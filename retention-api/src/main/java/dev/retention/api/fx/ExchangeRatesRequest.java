package dev.retention.api.fx;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Exchange rates to set.")
record ExchangeRatesRequest(
        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "1 to 5,000 rates, at most one per currency and day.",
                                requiredMode = Schema.RequiredMode.REQUIRED),
                minItems = 1,
                maxItems = 5_000)
        List<ExchangeRateBody> rates) {}
