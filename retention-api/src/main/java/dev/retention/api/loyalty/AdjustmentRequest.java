package dev.retention.api.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Points added or taken by hand.")
record AdjustmentRequest(
        @Schema(
                description = "Points to add (positive) or take (negative); not 0.",
                example = "25",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Long points,

        @Schema(
                description = "Why, at most 500 characters.",
                example = "goodwill after a late delivery",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {}
