package dev.retention.api.event;

import dev.retention.api.shared.FieldError;
import dev.retention.domain.event.EventOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "What became of one event of the batch.")
record BatchItemResponse(
        @Schema(description = "Position in the request, from 0.")
        int index,

        @Schema(
                description = "CREATED: stored now; DUPLICATE: stored before under this key; CONFLICT: the key is "
                        + "taken by other content; INVALID: refused (see errors); NOT_STORED: valid, but the batch was "
                        + "refused because of other events.")
        EventOutcome.Status status,

        @Schema(description = "The stored event's id (CREATED, DUPLICATE, CONFLICT).") @Nullable
        UUID eventId,

        @Schema(description = "The customer's id, when resolved.") @Nullable
        UUID customerId,

        @Schema(description = "Kind of problem, for CONFLICT and INVALID.", example = "invalid-event") @Nullable
        String problem,

        @Schema(description = "Each field at fault and why.")
        List<FieldError> errors) {}
