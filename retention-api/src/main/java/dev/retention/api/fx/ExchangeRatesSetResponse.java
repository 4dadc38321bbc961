package dev.retention.api.fx;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "What a set of exchange rates changed.")
record ExchangeRatesSetResponse(
        @Schema(description = "How many rates were stored (new or replaced).", example = "2")
        int stored,

        @Schema(description = "The currency every rate converts into.", example = "EUR")
        String reportingCurrency) {}
