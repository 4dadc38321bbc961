package dev.retention.api.prediction;

import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.PurchaseModelKind;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "Which purchase models to compare, on which calibration/holdout split.")
record ClvComparisonRequest(
        @Schema(
                description = "Last local date of the calibration period (inclusive).",
                example = "1997-09-30",
                requiredMode = Schema.RequiredMode.REQUIRED)
        LocalDate calibrationEnd,

        @Schema(
                description = "Last local date of the holdout period (inclusive); after calibrationEnd and before "
                        + "today.",
                example = "1998-06-30",
                requiredMode = Schema.RequiredMode.REQUIRED)
        LocalDate holdoutEnd,

        @ArraySchema(
                arraySchema = @Schema(description = "The purchase models, each once; default all three."),
                uniqueItems = true)
        List<PurchaseModelKind> models,

        @Schema(description = "The time unit; default WEEK.", example = "WEEK")
        ModelTimeUnit timeUnit,

        @Schema(description = "Compare on the customers of this segment only; absent: all customers.")
        String segment,

        @Schema(description = "Time zone of the local dates; default the reporting zone.", example = "UTC")
        String zone) {

    /** As a fit request, whose settings each compared model takes with its own purchase model. */
    ClvModelRequest asFitRequest() {
        return new ClvModelRequest(calibrationEnd, timeUnit, null, null, segment, zone, null, holdoutEnd);
    }

    List<PurchaseModelKind> modelsOrAll() {
        return models == null ? List.of(PurchaseModelKind.values()) : models;
    }
}
