package dev.retention.api.strategy;

import dev.retention.domain.rfm.RfmSegment;
import dev.retention.domain.strategy.StrategyChannel;
import dev.retention.domain.strategy.StrategyStatus;
import dev.retention.domain.strategy.StrategyType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "A retention strategy.")
record StrategyResponse(
        @Schema(description = "The strategy's id.") UUID id,
        @Schema(description = "Name.") String name,
        @Schema(description = "The strategy family.") StrategyType type,
        @Schema(description = "What is done.") String action,

        @Schema(description = "How it reaches the customer.")
        StrategyChannel channel,

        @Schema(description = "RFM segments targeted.") Set<RfmSegment> targetRfmSegments,

        @Schema(description = "Customer segment targeted.") @Nullable
        String targetCustomerSegment,

        @Schema(description = "Whether only at-risk customers are targeted.")
        boolean targetAtRisk,

        @Schema(description = "Start of the window.") Instant startsAt,
        @Schema(description = "End of the window.") Instant endsAt,

        @Schema(description = "Share kept as control group, in percent.")
        int holdoutPercent,

        @Schema(description = "DRAFT, ACTIVE, COMPLETED or CANCELLED.")
        StrategyStatus status,

        @Schema(description = "When it was created.") Instant createdAt,

        @Schema(description = "When it was activated and the customers assigned.") @Nullable
        Instant activatedAt,

        @Schema(description = "When it last changed.") Instant updatedAt,

        @Schema(description = "Recommended products attached to each treated customer's assignment; 0: none.")
        int recommendations) {}
