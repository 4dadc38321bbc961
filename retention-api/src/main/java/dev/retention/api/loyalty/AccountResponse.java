package dev.retention.api.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Schema(description = "A member's loyalty account.")
record AccountResponse(
        @Schema(description = "The customer's id.") UUID customerId,
        @Schema(description = "When the customer joined.") Instant enrolledAt,

        @Schema(description = "Points available; always the sum of the ledger.", example = "120")
        long balance,

        @Schema(description = "Points earned less points clawed back, over the whole membership.")
        long lifetimePoints,

        @Schema(description = "Points refunds could not claw back because they were spent.")
        long shortfall,

        @Schema(description = "The current tier.", example = "Gold")
        String tier,

        @Schema(description = "Since when the member holds it.")
        Instant tierSince,

        @Schema(description = "Points that expire within the next 30 days.", example = "40")
        long pointsExpiringIn30Days) {}
