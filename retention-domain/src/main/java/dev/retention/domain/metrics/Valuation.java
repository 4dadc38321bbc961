package dev.retention.domain.metrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Assumptions for customer lifetime value: the gross {@code margin} (0..1) and the {@code discountRate} per period
 * (0 <= d < 1).
 */
public record Valuation(BigDecimal margin, BigDecimal discountRate) {

    public static final Valuation DEFAULT = new Valuation(BigDecimal.ONE, BigDecimal.ZERO);

    public Valuation {
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(discountRate, "discountRate");
        if (margin.signum() < 0 || margin.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("margin must lie in [0, 1]");
        }
        if (discountRate.signum() < 0 || discountRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("discountRate must lie in [0, 1)");
        }
    }
}
