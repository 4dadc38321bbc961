package dev.retention.domain.prediction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;

/**
 * One customer's purchase history up to the end of the calibration period, in the model's time unit: {@code
 * frequency} x is the number of repeat purchases (distinct purchase days after the first), {@code recency} t_x the
 * time from the first to the last purchase, {@code age} T the time from the first purchase to the end of the
 * calibration period, and {@code averageRepeatSpend} the mean value of the repeat purchases (zero when x = 0).
 */
public record PurchaseSummary(int frequency, double recency, double age, BigDecimal averageRepeatSpend) {

    public PurchaseSummary {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must not be negative: " + frequency);
        }
        if (!(recency >= 0) || !(age >= recency) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("need 0 <= recency <= age, got recency " + recency + ", age " + age);
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException("a customer without repeat purchases has recency 0");
        }
        if (averageRepeatSpend == null || averageRepeatSpend.signum() < 0) {
            throw new IllegalArgumentException("average repeat spend must be zero or positive");
        }
    }

    /**
     * The summary of a customer's purchases up to the calibration end, given as the amount spent on each local
     * purchase day (not empty, none after the end); the average repeat spend has four decimals, rounded half up.
     */
    public static PurchaseSummary of(
            SortedMap<LocalDate, BigDecimal> spendByDay, LocalDate calibrationEnd, ModelTimeUnit unit) {
        LocalDate first = spendByDay.firstKey();
        int repeatDays = spendByDay.size() - 1;
        BigDecimal repeatSpend =
                spendByDay.tailMap(first.plusDays(1)).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal average = repeatDays == 0
                ? BigDecimal.ZERO
                : repeatSpend.divide(BigDecimal.valueOf(repeatDays), 4, RoundingMode.HALF_UP);
        return new PurchaseSummary(
                repeatDays,
                unit.fromDays(ChronoUnit.DAYS.between(first, spendByDay.lastKey())),
                unit.fromDays(ChronoUnit.DAYS.between(first, calibrationEnd)),
                average);
    }
}
