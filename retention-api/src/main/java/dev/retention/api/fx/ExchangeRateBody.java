package dev.retention.api.fx;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(
        name = "ExchangeRate",
        description = "On one UTC day, one unit of currency is worth rate units of the reporting currency.")
record ExchangeRateBody(
        @Schema(
                description = "ISO 4217 code, not the reporting currency.",
                example = "USD",
                minLength = 3,
                maxLength = 3,
                requiredMode = Schema.RequiredMode.REQUIRED)
        String currency,

        @Schema(description = "The UTC day.", example = "2026-03-02", requiredMode = Schema.RequiredMode.REQUIRED)
        LocalDate date,

        @Schema(
                description = "Units of the reporting currency per unit of currency: positive, at most 10 decimals, "
                        + "below 10^10.",
                example = "0.9215",
                minimum = "0",
                exclusiveMinimum = true,
                maximum = "9999999999",
                requiredMode = Schema.RequiredMode.REQUIRED)
        BigDecimal rate) {}
