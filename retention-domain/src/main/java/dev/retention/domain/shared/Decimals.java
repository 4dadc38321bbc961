package dev.retention.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule of every reported ratio, percentage, average and amount of money: 4 decimals, half-even
 * (banker's rounding, so that rounding errors do not drift in one direction when figures are added up).
 */
public final class Decimals {

    public static final int SCALE = 4;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {}

    /** The value rounded to the reporting scale; null stays null. */
    public static BigDecimal rounded(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, ROUNDING);
    }

    /** {@code part / whole} rounded; null when {@code whole} is 0. */
    public static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, SCALE, ROUNDING);
    }

    /** {@code part / whole * 100} rounded; null when {@code whole} is 0. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return ratio(part.multiply(HUNDRED), whole);
    }

    public static BigDecimal percent(long part, long whole) {
        return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
