package dev.retention.api.webhook;

import dev.retention.api.shared.EnumDocumentation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "A webhook subscription (never its secret).")
record WebhookResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://crm.example.com/hooks/retention")
        String url,

        @Schema(description = "What the subscription is for.") @Nullable
        String description,

        @ArraySchema(
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(ref = EnumDocumentation.WEBHOOK_KIND))
        List<String> kinds,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) WebhookRequest.Filters filters,

        @Schema(
                description = "Whether messages are delivered; false when turned off or stopped after a day of "
                        + "failures (see disabledReason).",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean active,

        @Schema(description = "Why deliveries were stopped, when they were.") @Nullable
        String disabledReason,

        @Schema(description = "Since when every attempt failed; absent after a success.") @Nullable
        Instant failingSince,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) {}
