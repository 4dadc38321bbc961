package dev.retention.api.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "The outcome of a batch. When rejected is above 0, nothing was written.")
record BatchResponse(
        @Schema(description = "Events stored now.") long created,

        @Schema(description = "Events that were stored before under the same key.")
        long duplicates,

        @Schema(description = "Events refused (CONFLICT or INVALID).")
        long rejected,

        @Schema(description = "Per event, in request order.")
        List<BatchItemResponse> items) {}
