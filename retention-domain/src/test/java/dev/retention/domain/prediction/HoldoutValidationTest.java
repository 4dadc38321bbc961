package dev.retention.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retention.domain.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The calibration/holdout table worked out by hand, with a model that expects t / 10 × (1 + x) purchases. */
class HoldoutValidationTest {

    /** Ten weeks of holdout: the model expects 1 + x purchases of each customer. */
    private static final ClvSettings SETTINGS = new ClvSettings(
            LocalDate.parse("2026-01-01"),
            ModelTimeUnit.WEEK,
            12,
            new BigDecimal("0.01"),
            null,
            ZoneOffset.UTC,
            PurchaseModelKind.BG_NBD,
            LocalDate.parse("2026-03-12"));

    private static final PurchaseModel ONE_PLUS_X = new PurchaseModel() {
        @Override
        public PurchaseModelKind kind() {
            return PurchaseModelKind.BG_NBD;
        }

        @Override
        public double[] values() {
            return new double[] {1, 1, 1, 1};
        }

        @Override
        public double probabilityAlive(PurchaseSummary history) {
            return 1;
        }

        @Override
        public double conditionalExpectedPurchases(double t, PurchaseSummary history) {
            return t / 10 * (1 + history.frequency());
        }

        @Override
        public double logLikelihood(PurchaseSummary history) {
            return 0;
        }
    };

    private static CustomerSummary customer(UUID id, int x) {
        return new CustomerSummary(id, new PurchaseSummary(x, x, 20, BigDecimal.ZERO));
    }

    @Test
    void predictedAndActualPurchasesPerFrequencyInTotalAndPerCustomer() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        // expected: a 1, b 1, c 4, d 10; actual: a 2, b none, c 3, d 12
        HoldoutValidation validation = HoldoutValidation.of(
                ONE_PLUS_X,
                List.of(customer(a, 0), customer(b, 0), customer(c, 3), customer(d, 9)),
                Map.of(a, 2, c, 3, d, 12),
                SETTINGS);

        assertThat(validation.holdoutLength()).isCloseTo(10, within(1e-12));
        assertThat(validation.byFrequency())
                .containsExactly(
                        new HoldoutValidation.FrequencyRow(0, 2, 1, 1),
                        new HoldoutValidation.FrequencyRow(3, 1, 4, 3),
                        new HoldoutValidation.FrequencyRow(7, 1, 10, 12));
        assertThat(validation.predictedTotal()).isCloseTo(16, within(1e-12));
        assertThat(validation.actualTotal()).isEqualTo(17);
        // (|1 − 2| + |1 − 0| + |4 − 3| + |10 − 12|) / 4
        assertThat(validation.meanAbsoluteError()).isCloseTo(1.25, within(1e-12));
    }

    @Test
    void theHoldoutEndsAfterTheCalibration() {
        assertThatThrownBy(() -> new ClvSettings(
                        LocalDate.parse("2026-01-01"),
                        ModelTimeUnit.WEEK,
                        12,
                        new BigDecimal("0.01"),
                        null,
                        ZoneOffset.UTC,
                        PurchaseModelKind.BG_NBD,
                        LocalDate.parse("2026-01-01")))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.onlyRulesBroken()).isTrue();
                    assertThat(refused.violations().get(0).field()).isEqualTo("holdoutEnd");
                });
    }
}
