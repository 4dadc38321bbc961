package dev.retention.api.webhook;

import dev.retention.api.shared.EnumDocumentation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "One message to one subscription and what became of it.")
record WebhookDeliveryResponse(
        @Schema(
                description = "The message's webhook-id: the same on every attempt and redelivery.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        UUID id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID webhookId,

        @Schema(ref = EnumDocumentation.WEBHOOK_KIND, requiredMode = Schema.RequiredMode.REQUIRED)
        String type,

        @Schema(ref = EnumDocumentation.WEBHOOK_DELIVERY_STATUS, requiredMode = Schema.RequiredMode.REQUIRED)
        String status,

        @Schema(description = "Attempts made so far.", requiredMode = Schema.RequiredMode.REQUIRED)
        int attempts,

        @Schema(description = "When the signal was raised.", requiredMode = Schema.RequiredMode.REQUIRED)
        Instant raisedAt,

        @Schema(description = "When the next attempt is due, while PENDING.") @Nullable
        Instant nextAttemptAt,

        @Nullable Instant lastAttemptAt,

        @Schema(description = "The receiver's status code at the last attempt, when it answered.") @Nullable
        Integer lastStatusCode,

        @Schema(description = "Why the last attempt failed.", example = "answered 503") @Nullable
        String lastError,

        @Nullable Instant deliveredAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) WebhookMessage message) {}
