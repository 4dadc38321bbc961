package dev.retention.api.event;

import dev.retention.domain.event.RecordEvents;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "Up to 5,000 events of any customers, stored all or nothing.")
record BatchRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The events.")
        @NotNull
        @Size(min = 1, max = RecordEvents.MAX_BATCH_SIZE)
        List<BatchEventRequest> events) {}
