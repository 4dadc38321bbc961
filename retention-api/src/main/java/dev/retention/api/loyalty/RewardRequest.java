package dev.retention.api.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(description = "A reward of the catalogue.")
record RewardRequest(
        @Schema(
                description = "Name, at most 200 characters.",
                example = "Free coffee",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @Schema(description = "Description, at most 2000 characters.")
        String description,

        @Schema(
                description = "Cost in points, at least 1.",
                example = "150",
                minimum = "1",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Long costPoints,

        @Schema(description = "Items left; absent: unlimited.", example = "100")
        Integer stock,

        @Schema(description = "Redeemable from (UTC); absent: at once.")
        Instant activeFrom,

        @Schema(description = "Redeemable until before (UTC); absent: open-ended.")
        Instant activeUntil,

        @Schema(description = "Only members of this tier or above; absent: everyone.", example = "Gold")
        String minimumTier) {}
