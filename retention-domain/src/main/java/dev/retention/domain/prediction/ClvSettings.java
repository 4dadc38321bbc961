package dev.retention.domain.prediction;

import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a model is fitted: purchases on local dates up to and including {@code calibrationEnd} (in {@code zone}) of
 * the customers of {@code segment} (null: all), counted in {@code timeUnit}; lifetime value over
 * {@code horizonMonths} months discounted at {@code monthlyDiscountRate}, with {@code purchaseModel} for when
 * customers buy and whether they are still customers. With {@code holdoutEnd}, the purchases after the calibration
 * end up to and including that local date are held out to validate the fit (null: no validation).
 */
public record ClvSettings(
        LocalDate calibrationEnd,
        ModelTimeUnit timeUnit,
        int horizonMonths,
        BigDecimal monthlyDiscountRate,
        String segment,
        ZoneId zone,
        PurchaseModelKind purchaseModel,
        LocalDate holdoutEnd) {

    public static final int MAX_HORIZON_MONTHS = 120;

    public ClvSettings {
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(purchaseModel, "purchaseModel");
        List<Violation> violations = new ArrayList<>();
        if (calibrationEnd == null) {
            violations.add(new Violation("calibrationEnd", "is required"));
        }
        if (horizonMonths < 1 || horizonMonths > MAX_HORIZON_MONTHS) {
            violations.add(new Violation("horizonMonths", "must be between 1 and " + MAX_HORIZON_MONTHS));
        }
        if (monthlyDiscountRate == null
                || monthlyDiscountRate.signum() < 0
                || monthlyDiscountRate.compareTo(BigDecimal.ONE) >= 0) {
            violations.add(new Violation("monthlyDiscountRate", "must be at least 0 and below 1"));
        }
        if (holdoutEnd != null && calibrationEnd != null && !holdoutEnd.isAfter(calibrationEnd)) {
            violations.add(Violation.rule("holdoutEnd", "must lie after calibrationEnd"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** Without a holdout. */
    public ClvSettings(
            LocalDate calibrationEnd,
            ModelTimeUnit timeUnit,
            int horizonMonths,
            BigDecimal monthlyDiscountRate,
            String segment,
            ZoneId zone,
            PurchaseModelKind purchaseModel) {
        this(calibrationEnd, timeUnit, horizonMonths, monthlyDiscountRate, segment, zone, purchaseModel, null);
    }

    /** The same settings with another purchase model. */
    public ClvSettings withPurchaseModel(PurchaseModelKind model) {
        return new ClvSettings(
                calibrationEnd, timeUnit, horizonMonths, monthlyDiscountRate, segment, zone, model, holdoutEnd);
    }

    /** The length of the holdout period in the time unit; 0 without one. */
    public double holdoutLength() {
        return holdoutEnd == null ? 0 : timeUnit.fromDays(holdoutEnd.toEpochDay() - calibrationEnd.toEpochDay());
    }

    /** With BG/NBD, the model of the papers the service started with. */
    public ClvSettings(
            LocalDate calibrationEnd,
            ModelTimeUnit timeUnit,
            int horizonMonths,
            BigDecimal monthlyDiscountRate,
            String segment,
            ZoneId zone) {
        this(calibrationEnd, timeUnit, horizonMonths, monthlyDiscountRate, segment, zone, PurchaseModelKind.BG_NBD);
    }
}
