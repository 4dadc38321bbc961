package dev.retention.api.event;

import dev.retention.domain.event.EventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "A stored event.")
record EventResponse(
        @Schema(description = "The service's id of the event.")
        UUID id,

        @Schema(description = "The customer's id.") UUID customerId,

        @Schema(description = "What happened.", example = "PURCHASE")
        EventType type,

        @Schema(description = "When it happened (UTC).") Instant occurredAt,

        @Schema(description = "Amount, for PURCHASE and REFUND.", example = "49.9") @Nullable
        BigDecimal amount,

        @Schema(description = "Currency of the amount.", example = "EUR") @Nullable
        String currency,

        @Schema(description = "Product reference.") @Nullable
        String productId,

        @Schema(description = "Properties given with the event.")
        Map<String, Object> properties,

        @Schema(description = "The client's idempotency key.")
        String eventKey,

        @Schema(description = "When the service stored it.") Instant recordedAt) {}
