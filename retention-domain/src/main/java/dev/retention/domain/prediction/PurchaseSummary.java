package dev.retention.domain.prediction;

import java.math.BigDecimal;

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
}
