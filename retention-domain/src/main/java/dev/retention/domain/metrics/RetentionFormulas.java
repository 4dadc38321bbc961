package dev.retention.domain.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * The formulas, in exact decimal arithmetic (34 significant digits inside, 4 decimals, half-even, outside).
 *
 * <ul>
 *   <li>customer retention rate {@code CRR = (E - N) / S * 100}
 *   <li>churn rate {@code = churned / S * 100}, strict retention rate {@code = retained / S * 100}
 *   <li>{@code ARPU = revenue / ((S + E) / 2)}
 *   <li>{@code CLV = margin * ARPU * (1 + d) / (1 + d - r)} with {@code r = 1 - churnRate / 100}, the retention
 *       share; with d = 0 this is margin * ARPU / churn rate (as a fraction)
 * </ul>
 */
final class RetentionFormulas {

    private static final MathContext EXACT = MathContext.DECIMAL128;

    private RetentionFormulas() {}

    /** Unrounded ARPU, or null when nobody was active at either boundary. */
    static BigDecimal arpu(BigDecimal revenue, long start, long end) {
        return start + end == 0
                ? null
                : revenue.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(start + end), EXACT);
    }

    /** Unrounded CLV; null when ARPU is undefined, S is 0, or nobody churned and nothing is discounted. */
    static BigDecimal clv(BigDecimal arpu, long start, long churned, Valuation valuation) {
        if (arpu == null || start == 0) {
            return null;
        }
        BigDecimal churnShare = BigDecimal.valueOf(churned).divide(BigDecimal.valueOf(start), EXACT);
        BigDecimal denominator = valuation.discountRate().add(churnShare);
        if (denominator.signum() == 0) {
            return null;
        }
        return valuation
                .margin()
                .multiply(arpu)
                .multiply(BigDecimal.ONE.add(valuation.discountRate()))
                .divide(denominator, EXACT);
    }

    static void explain(Map<String, String> undefined, long start, long end, long churned, Valuation valuation) {
        if (start == 0) {
            String reason = "no customer was active at the start (S = 0)";
            undefined.put("crr", reason);
            undefined.put("churnRate", reason);
            undefined.put("strictRetentionRate", reason);
        }
        if (start + end == 0) {
            undefined.put("arpu", "no customer was active at the start or the end (S + E = 0)");
        }
        if (start + end == 0 || start == 0) {
            undefined.put("clv", start == 0 ? "the churn rate is undefined (S = 0)" : undefined.get("arpu"));
        } else if (churned == 0 && valuation.discountRate().signum() == 0) {
            undefined.put("clv", "nobody churned and the discount rate is 0, so the lifetime value is unbounded");
        }
    }
}
