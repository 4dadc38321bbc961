package dev.retention.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lifetime value and the other figures of one customer, with the published CDNOW parameters. */
class CustomerValuationTest {

    private static final BgNbdParameters PURCHASES = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
    private static final GammaGammaParameters SPEND = new GammaGammaParameters(6.25, 3.74, 15.44);
    private static final PurchaseSummary CUSTOMER_1 = new PurchaseSummary(2, 30.43, 38.86, new BigDecimal("22.35"));
    private static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;

    private static CustomerPrediction predict(PurchaseSummary history, int horizonMonths, String discountRate) {
        ClvSettings settings = new ClvSettings(
                LocalDate.parse("1997-09-30"),
                ModelTimeUnit.WEEK,
                horizonMonths,
                new BigDecimal(discountRate),
                null,
                ZoneOffset.UTC);
        return new CustomerValuation(PURCHASES, SPEND, settings)
                .predict(new CustomerSummary(UUID.randomUUID(), history));
    }

    @Test
    void expectedSpendWeighsTheCustomersOwnMeanAgainstThePopulations() {
        // (p gamma + p x m) / (p x + q - 1) = (96.5 + 279.375) / 15.24 by hand.
        assertThat(predict(CUSTOMER_1, 1, "0").expectedAverageSpend()).isEqualByComparingTo("24.6637");
        // x = 0: the population mean p gamma / (q - 1) = 96.5 / 2.74.
        PurchaseSummary oneTimeBuyer = new PurchaseSummary(0, 0, 38.86, BigDecimal.ZERO);
        assertThat(predict(oneTimeBuyer, 1, "0").expectedAverageSpend()).isEqualByComparingTo("35.2190");
    }

    @Test
    void undiscountedValueIsSpendTimesThePurchasesExpectedOverTheHorizon() {
        CustomerPrediction prediction = predict(CUSTOMER_1, 12, "0");

        double purchases = PURCHASES.conditionalExpectedPurchases(12 * WEEKS_PER_MONTH, CUSTOMER_1);
        assertThat(prediction.lifetimeValue().doubleValue()).isCloseTo(24.663714 * purchases, within(1e-3));
    }

    @Test
    void eachMonthsPurchasesAreDiscountedByItsMonth() {
        CustomerPrediction prediction = predict(CUSTOMER_1, 2, "0.01");

        double first = PURCHASES.conditionalExpectedPurchases(WEEKS_PER_MONTH, CUSTOMER_1);
        double both = PURCHASES.conditionalExpectedPurchases(2 * WEEKS_PER_MONTH, CUSTOMER_1);
        double value = 24.663714 * (first / 1.01 + (both - first) / (1.01 * 1.01));
        assertThat(prediction.lifetimeValue().doubleValue()).isCloseTo(value, within(1e-3));
        assertThat(prediction.lifetimeValue())
                .isLessThan(predict(CUSTOMER_1, 2, "0").lifetimeValue());
    }

    @Test
    void theShortTermExpectationsCountDaysInTheModelsUnit() {
        CustomerPrediction prediction = predict(CUSTOMER_1, 1, "0");

        assertThat(prediction.expectedPurchases30Days())
                .isCloseTo(PURCHASES.conditionalExpectedPurchases(30 / 7.0, CUSTOMER_1), within(1e-12));
        assertThat(prediction.expectedPurchases365Days())
                .isCloseTo(PURCHASES.conditionalExpectedPurchases(365 / 7.0, CUSTOMER_1), within(1e-12));
        assertThat(prediction.probabilityAlive()).isCloseTo(PURCHASES.probabilityAlive(CUSTOMER_1), within(1e-12));
        assertThat(prediction.lifetimeValue().scale()).isEqualTo(4);
    }

    @Test
    void parametersThatGiveNoFiniteFigureFailTheFit() {
        // With a = 1 the conditional expectation divides by a - 1 = 0.
        ClvSettings settings = new ClvSettings(
                LocalDate.parse("1997-09-30"), ModelTimeUnit.WEEK, 12, new BigDecimal("0.01"), null, ZoneOffset.UTC);
        CustomerValuation valuation = new CustomerValuation(new BgNbdParameters(0.24, 4.4, 1.0, 2.4), SPEND, settings);
        CustomerSummary customer =
                new CustomerSummary(UUID.randomUUID(), new PurchaseSummary(1, 20, 40, BigDecimal.TEN));

        assertThatThrownBy(() -> valuation.predict(customer))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("no finite prediction")
                .hasMessageContaining("x = 1");
    }
}
