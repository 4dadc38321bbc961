package dev.retention.api.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

@Schema(description = "A reward to redeem.")
record RedemptionRequest(
        @Schema(description = "The reward's id.", requiredMode = Schema.RequiredMode.REQUIRED)
        UUID rewardId,

        @Schema(
                description = "The client's key for this redemption, unique per member, at most 128 characters: "
                        + "sending it again returns the first redemption.",
                example = "crm-redemption-81723",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String idempotencyKey) {}
