package dev.retention.domain.prediction;

import dev.retention.domain.shared.Decimals;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Scores customers with a fitted purchase model and Gamma-Gamma. Lifetime value is the discounted sum, month by month
 * over the horizon, of the purchases expected in that month times the expected spend per purchase:
 * CLV = Σ_{m=1..H} E[spend] (E[Y(m)] - E[Y(m - 1)]) / (1 + d)^m, with months of 365.25 / 12 days. Parameters
 * that give a customer no finite figure (BG/NBD with a = 1, where the expectation divides by a - 1) fail the fit
 * rather than store predictions that no client could read.
 */
public final class CustomerValuation {

    private final PurchaseModel purchases;
    private final GammaGammaParameters spend;
    private final ModelTimeUnit unit;
    private final int horizonMonths;
    private final double monthlyDiscountRate;

    public CustomerValuation(PurchaseModel purchases, GammaGammaParameters spend, ClvSettings settings) {
        this.purchases = purchases;
        this.spend = spend;
        this.unit = settings.timeUnit();
        this.horizonMonths = settings.horizonMonths();
        this.monthlyDiscountRate = settings.monthlyDiscountRate().doubleValue();
    }

    public CustomerPrediction predict(CustomerSummary customer) {
        PurchaseSummary history = customer.summary();
        double averageSpend = spend.expectedAverageSpend(
                history.frequency(), history.averageRepeatSpend().doubleValue());
        double value = 0;
        double before = 0;
        for (int month = 1; month <= horizonMonths; month++) {
            double upTo = purchases.conditionalExpectedPurchases(
                    unit.fromDays(month * ModelTimeUnit.DAYS_PER_MONTH), history);
            value += averageSpend * (upTo - before) / Math.pow(1 + monthlyDiscountRate, month);
            before = upTo;
        }
        double alive = purchases.probabilityAlive(history);
        double in30Days = purchases.conditionalExpectedPurchases(unit.fromDays(30), history);
        double in90Days = purchases.conditionalExpectedPurchases(unit.fromDays(90), history);
        double in365Days = purchases.conditionalExpectedPurchases(unit.fromDays(365), history);
        for (double figure : new double[] {alive, in30Days, in90Days, in365Days, averageSpend, value}) {
            if (!Double.isFinite(figure)) {
                throw new ModelFitException(String.format(
                        Locale.ROOT,
                        "The fitted models (%s, %s) give no finite "
                                + "prediction for a customer with x = %d, t_x = %.4f, T = %.4f",
                        purchases,
                        spend,
                        history.frequency(),
                        history.recency(),
                        history.age()));
            }
        }
        return new CustomerPrediction(
                customer.customerId(),
                history,
                alive,
                in30Days,
                in90Days,
                in365Days,
                money(averageSpend),
                money(value));
    }

    private static BigDecimal money(double value) {
        return Decimals.rounded(BigDecimal.valueOf(value));
    }
}
