package dev.retention.api.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Schema(description = "A redeemed reward.")
record RedemptionResponse(
        @Schema(description = "The redemption's id.") UUID id,
        @Schema(description = "The member.") UUID customerId,
        @Schema(description = "The reward.") UUID rewardId,
        @Schema(description = "The client's key.") String idempotencyKey,
        @Schema(description = "Points it cost.") long points,
        @Schema(description = "When it was redeemed.") Instant redeemedAt,
        @Schema(description = "The member's balance now.") long balance) {}
