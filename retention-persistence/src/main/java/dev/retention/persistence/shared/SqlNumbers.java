package dev.retention.persistence.shared;

import java.math.BigDecimal;

/** Reads numeric columns back as the numbers clients sent. */
public final class SqlNumbers {

    private SqlNumbers() {}

    /** Without the zeros that a numeric(p,s) column pads, and never in exponent notation (1E+2 for 100). */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
