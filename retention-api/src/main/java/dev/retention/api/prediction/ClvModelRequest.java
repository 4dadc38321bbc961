package dev.retention.api.prediction;

import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.PurchaseModelKind;
import dev.retention.domain.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

@Schema(description = "How to fit a lifetime-value model. Only calibrationEnd is required.")
record ClvModelRequest(
        @Schema(
                description = "Last local date of the calibration period (inclusive): purchases up to the end of "
                        + "this day count.",
                example = "1997-09-30",
                requiredMode = Schema.RequiredMode.REQUIRED)
        LocalDate calibrationEnd,

        @Schema(
                description = "The unit in which purchases are counted: one purchase per customer and unit of "
                        + "time at most is a repeat purchase; default WEEK, as in the papers.",
                example = "WEEK")
        ModelTimeUnit timeUnit,

        @Schema(
                description = "Lifetime-value horizon in months, 1 to 120; default 12.",
                example = "12",
                minimum = "1",
                maximum = "" + ClvSettings.MAX_HORIZON_MONTHS)
        Integer horizonMonths,

        @Schema(
                description = "Monthly discount rate for lifetime value, 0 <= d < 1; default 0.01.",
                example = "0.01",
                minimum = "0",
                maximum = "1",
                exclusiveMaximum = true)
        BigDecimal monthlyDiscountRate,

        @Schema(description = "Fit on the customers of this segment only; absent: all customers.", example = "retail")
        String segment,

        @Schema(
                description = "Time zone whose local dates the purchases fall on; default the reporting zone.",
                example = "UTC")
        String zone,

        @Schema(
                description = "The purchase model: BG_NBD (default), MBG_NBD (one-time buyers may have left "
                        + "already) or PARETO_NBD.",
                example = "BG_NBD")
        PurchaseModelKind purchaseModel,

        @Schema(
                description = "Hold out the purchases after calibrationEnd up to and including this local date, and "
                        + "report how well the fit predicts them; before today. Absent: no validation.",
                example = "1998-06-30")
        LocalDate holdoutEnd) {

    static final int DEFAULT_HORIZON_MONTHS = 12;
    static final BigDecimal DEFAULT_MONTHLY_DISCOUNT_RATE = new BigDecimal("0.01");

    ClvSettings toSettings(ZoneId defaultZone) {
        return new ClvSettings(
                calibrationEnd,
                timeUnit == null ? ModelTimeUnit.WEEK : timeUnit,
                horizonMonths == null ? DEFAULT_HORIZON_MONTHS : horizonMonths,
                monthlyDiscountRate == null ? DEFAULT_MONTHLY_DISCOUNT_RATE : monthlyDiscountRate,
                segment == null || segment.isBlank() ? null : segment.trim(),
                zoneOr(defaultZone),
                purchaseModel == null ? PurchaseModelKind.BG_NBD : purchaseModel,
                holdoutEnd);
    }

    private ZoneId zoneOr(ZoneId defaultZone) {
        if (zone == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw InvalidInputException.of("zone", "must be a time-zone id such as UTC or Europe/Berlin");
        }
    }
}
