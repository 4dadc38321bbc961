package dev.retention.api.feedback;

import dev.retention.domain.feedback.FeedbackChannel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "A stored answer.")
record FeedbackResponse(
        @Schema(description = "The answer's id.") UUID id,
        @Schema(description = "The customer's id.") UUID customerId,

        @Schema(description = "The FEEDBACK event stored with it.")
        UUID eventId,

        @Schema(description = "Net Promoter score, 0 to 10.") @Nullable
        Integer npsScore,

        @Schema(description = "Satisfaction score, 1 to 5.") @Nullable
        Integer csatScore,

        @Schema(description = "Where it was given.") FeedbackChannel channel,
        @Schema(description = "Free text.") @Nullable String comment,

        @Schema(description = "The strategy that asked for it.") @Nullable
        UUID strategyId,

        @Schema(description = "When it was given.") Instant occurredAt,
        @Schema(description = "When the service stored it.") Instant recordedAt) {}
