package dev.retention.api.webhook;

import dev.retention.api.shared.EnumDocumentation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

@Schema(
        description = "The body POSTed to the receiver (the Standard Webhooks envelope). Each request carries the "
                + "headers webhook-id (the delivery's id, the same on every retry: drop repeats by it), "
                + "webhook-timestamp (seconds since the epoch) and webhook-signature (v1, and the base64 of "
                + "HMAC-SHA256 over id.timestamp.body with the subscription's secret).")
record WebhookMessage(
        @Schema(ref = EnumDocumentation.WEBHOOK_KIND, requiredMode = Schema.RequiredMode.REQUIRED)
        String type,

        @Schema(description = "When the signal was raised.", requiredMode = Schema.RequiredMode.REQUIRED)
        Instant timestamp,

        @Schema(
                description = "What happened; its schema depends on type: see the WebhookKind component.",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, Object> data) {}
