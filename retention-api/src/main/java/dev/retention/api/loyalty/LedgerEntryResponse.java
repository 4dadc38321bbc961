package dev.retention.api.loyalty;

import dev.retention.domain.loyalty.LedgerEntryType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "One change of a balance.")
record LedgerEntryResponse(
        @Schema(description = "The entry's id.") UUID id,

        @Schema(description = "EARN, REDEEM, EXPIRE, ADJUST or CLAWBACK.")
        LedgerEntryType type,

        @Schema(description = "Points added (positive) or taken (negative).", example = "-50")
        long points,

        @Schema(description = "The balance after this entry.", example = "70")
        long balanceAfter,

        @Schema(description = "Base points this entry adds to (or takes from) the rolling 12 months of the tier.")
        long qualifyingPoints,

        @Schema(description = "For a clawback, the points the balance could not cover.")
        long shortfall,

        @Schema(description = "When it happened: the purchase or refund, the expiry, or the redemption.")
        Instant occurredAt,

        @Schema(description = "When the service recorded it.")
        Instant recordedAt,

        @Schema(description = "The event that earned or clawed back.") @Nullable
        UUID eventId,

        @Schema(description = "The redemption.") @Nullable UUID redemptionId,

        @Schema(description = "The lot that expired.") @Nullable
        UUID lotId,

        @Schema(description = "Why an adjustment was made.") @Nullable
        String reason) {}
