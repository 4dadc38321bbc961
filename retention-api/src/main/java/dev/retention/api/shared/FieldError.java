package dev.retention.api.shared;

import dev.retention.domain.shared.Violation;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "One reason why a request was refused.")
public record FieldError(
        @Schema(description = "The offending field as a JSON path.", example = "events[3].amount")
        String field,

        @Schema(description = "Why the value was refused.", example = "must be positive")
        String message) {

    public static FieldError of(Violation violation) {
        return new FieldError(violation.field(), violation.message());
    }
}
