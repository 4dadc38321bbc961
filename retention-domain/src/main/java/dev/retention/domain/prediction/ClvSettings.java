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
 * customers buy and whether they are still customers.
 */
public record ClvSettings(
        LocalDate calibrationEnd,
        ModelTimeUnit timeUnit,
        int horizonMonths,
        BigDecimal monthlyDiscountRate,
        String segment,
        ZoneId zone,
        PurchaseModelKind purchaseModel) {

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
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
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
