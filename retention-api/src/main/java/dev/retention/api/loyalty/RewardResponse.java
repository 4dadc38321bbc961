package dev.retention.api.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "A reward of the catalogue.")
record RewardResponse(
        @Schema(description = "The reward's id.") UUID id,
        @Schema(description = "Name.") String name,
        @Schema(description = "Description.") @Nullable String description,
        @Schema(description = "Cost in points.") long costPoints,

        @Schema(description = "Items left; absent: unlimited.") @Nullable
        Integer stock,

        @Schema(description = "Redeemable from.") @Nullable Instant activeFrom,

        @Schema(description = "Redeemable until before.") @Nullable
        Instant activeUntil,

        @Schema(description = "Lowest tier that may redeem it.") @Nullable
        String minimumTier,

        @Schema(description = "Archived rewards stay for the record and cannot be redeemed.")
        boolean archived,

        @Schema(description = "When it was added.") Instant createdAt,
        @Schema(description = "When it last changed.") Instant updatedAt) {}
