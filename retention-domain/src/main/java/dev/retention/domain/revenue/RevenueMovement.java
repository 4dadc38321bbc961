package dev.retention.domain.revenue;

import java.math.BigDecimal;

/**
 * How a customer's revenue moved from one period to the next, on its non-negative part r⁺ = max(r, 0) (refunds can
 * exceed purchases in a period). Customers with no positive revenue in either period do not move.
 */
public enum RevenueMovement {
    /** First positive revenue ever: r⁺(P') = 0 and no period before had positive revenue. */
    NEW,
    /** r⁺(P) > r⁺(P') > 0; amount r⁺(P) − r⁺(P'). */
    EXPANSION,
    /** 0 < r⁺(P) < r⁺(P'); amount r⁺(P') − r⁺(P). */
    CONTRACTION,
    /** r⁺(P') > 0 and r⁺(P) = 0; amount r⁺(P'). */
    CHURNED,
    /** r⁺(P') = 0, r⁺(P) > 0, and a positive value before P (for revenue: in a period before P'). */
    REACTIVATED,
    /** r⁺(P) = r⁺(P') > 0. */
    UNCHANGED;

    /**
     * The movement of a customer with net revenue {@code previous} in P' and {@code current} in P; null when it
     * had positive revenue in neither.
     *
     * @param positiveBefore whether the customer had a positive value before P: for net revenue, in a period before
     *     P' (P' had none when this matters); for MRR, at any moment before P
     */
    public static RevenueMovement of(BigDecimal previous, BigDecimal current, boolean positiveBefore) {
        BigDecimal before = positivePart(previous);
        BigDecimal now = positivePart(current);
        if (before.signum() == 0) {
            if (now.signum() == 0) {
                return null;
            }
            return positiveBefore ? REACTIVATED : NEW;
        }
        if (now.signum() == 0) {
            return CHURNED;
        }
        int change = now.compareTo(before);
        return change > 0 ? EXPANSION : change < 0 ? CONTRACTION : UNCHANGED;
    }

    /** The amount the movement adds (NEW, EXPANSION, REACTIVATED) or takes (CONTRACTION, CHURNED); zero otherwise. */
    public BigDecimal amount(BigDecimal previous, BigDecimal current) {
        return positivePart(current).subtract(positivePart(previous)).abs();
    }

    static BigDecimal positivePart(BigDecimal revenue) {
        return revenue.signum() > 0 ? revenue : BigDecimal.ZERO;
    }
}
