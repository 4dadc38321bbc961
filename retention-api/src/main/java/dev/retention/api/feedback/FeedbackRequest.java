package dev.retention.api.feedback;

import dev.retention.domain.feedback.Feedback;
import dev.retention.domain.feedback.FeedbackChannel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Schema(description = "A customer's answer; npsScore, csatScore or both.")
record FeedbackRequest(
        @Schema(
                description = "How likely the customer would recommend us, 0 to 10.",
                example = "9",
                minimum = "" + Feedback.MIN_NPS,
                maximum = "" + Feedback.MAX_NPS)
        Integer npsScore,

        @Schema(
                description = "Satisfaction, 1 to 5.",
                example = "4",
                minimum = "" + Feedback.MIN_CSAT,
                maximum = "" + Feedback.MAX_CSAT)
        Integer csatScore,

        @Schema(description = "Where it was given.", example = "EMAIL", requiredMode = Schema.RequiredMode.REQUIRED)
        FeedbackChannel channel,

        @Schema(description = "Free text, at most 2000 characters.")
        String comment,

        @Schema(description = "The retention strategy that asked for it, if any.")
        UUID strategyId,

        @Schema(description = "When it was given (UTC); default now.")
        Instant occurredAt) {}
