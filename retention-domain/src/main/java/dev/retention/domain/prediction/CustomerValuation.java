package dev.retention.domain.prediction;

import dev.retention.domain.shared.Decimals;
import java.math.BigDecimal;

/**
 * Scores customers with fitted BG/NBD and Gamma-Gamma models. Lifetime value is the discounted sum, month by month
 * over the horizon, of the purchases expected in that month times the expected spend per purchase:
 * CLV = Σ_{m=1..H} E[spend] (E[Y(m)] - E[Y(m - 1)]) / (1 + d)^m, with months of 365.25 / 12 days.
 */
public final class CustomerValuation {

    private final BgNbdParameters purchases;
    private final GammaGammaParameters spend;
    private final ModelTimeUnit unit;
    private final int horizonMonths;
    private final double monthlyDiscountRate;

    public CustomerValuation(BgNbdParameters purchases, GammaGammaParameters spend, ClvSettings settings) {
        this.purchases = purchases;
        this.spend = spend;
        this.unit = settings.timeUnit();
        this.horizonMonths = settings.horizonMonths();
        this.monthlyDiscountRate = settings.monthlyDiscountRate().doubleValue();
    }

    public CustomerPrediction predict(CustomerSummary customer) {
        PurchaseSummary history = customer.summary();
        double averageSpend = spend.expectedAverageSpend(history.frequency(),
                history.averageRepeatSpend().doubleValue());
        double value = 0;
        double before = 0;
        for (int month = 1; month <= horizonMonths; month++) {
            double upTo = purchases.conditionalExpectedPurchases(unit.fromDays(month * ModelTimeUnit.DAYS_PER_MONTH),
                    history);
            value += averageSpend * (upTo - before) / Math.pow(1 + monthlyDiscountRate, month);
            before = upTo;
        }
        return new CustomerPrediction(customer.customerId(), history, purchases.probabilityAlive(history),
                purchases.conditionalExpectedPurchases(unit.fromDays(30), history),
                purchases.conditionalExpectedPurchases(unit.fromDays(90), history),
                purchases.conditionalExpectedPurchases(unit.fromDays(365), history), money(averageSpend),
                money(value));
    }

    private static BigDecimal money(double value) {
        return Decimals.rounded(BigDecimal.valueOf(value));
    }
}
