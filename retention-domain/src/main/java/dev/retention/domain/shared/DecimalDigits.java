package dev.retention.domain.shared;

import java.math.BigDecimal;

/** Whether a decimal fits a numeric(p, s) column: s decimals at most (trailing zeros aside), p − s digits before. */
public final class DecimalDigits {

    private DecimalDigits() {}

    /** Why {@code value} does not fit, as a violation of {@code field}; null when it fits. */
    public static Violation violation(String field, BigDecimal value, int integerDigits, int scale) {
        if (value.stripTrailingZeros().scale() > scale) {
            return new Violation(field, "must have at most " + scale + " decimal places");
        }
        if (value.precision() - value.scale() > integerDigits) {
            return new Violation(field, "must be below 10^" + integerDigits);
        }
        return null;
    }
}
