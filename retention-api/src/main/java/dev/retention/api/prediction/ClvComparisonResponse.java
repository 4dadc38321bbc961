package dev.retention.api.prediction;

import dev.retention.domain.prediction.ClvModelStatus;
import dev.retention.domain.prediction.PurchaseModelKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(
        description = "Purchase models fitted on one calibration/holdout split, best first: those that succeeded by "
                + "their mean absolute error per customer on the holdout, then those still running, then the failed.")
record ClvComparisonResponse(
        @Schema(description = "The comparison's id.") UUID id,

        @Schema(description = "Last local date of the calibration period.")
        LocalDate calibrationEnd,

        @Schema(description = "Last local date of the holdout period.")
        LocalDate holdoutEnd,

        @Schema(description = "True once every fit succeeded or failed.")
        boolean finished,

        @Schema(description = "One entry per model, best first.")
        List<Entry> ranking) {

    @Schema(name = "ClvComparisonEntry", description = "One compared model.")
    record Entry(
            @Schema(description = "1 for the best; absent until the fit succeeded.") @Nullable
            Integer rank,

            @Schema(description = "The purchase model.") PurchaseModelKind purchaseModelKind,

            @Schema(description = "The fit, at /api/v1/models/clv/{fitId}.")
            UUID fitId,

            @Schema(description = "The fit's status.") ClvModelStatus status,

            @Schema(description = "Mean of |expected − actual| holdout purchases per customer.") @Nullable
            Double meanAbsoluteError,

            @Schema(description = "Σ of the expected holdout purchases.") @Nullable
            Double predictedTotal,

            @Schema(description = "Σ of the holdout purchase dates.") @Nullable
            Long actualTotal,

            @Schema(description = "Why the fit failed.") @Nullable
            String error) {}
}
