package dev.retention.persistence.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.prediction.BgNbdParameters;
import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.ClvModelStatus;
import dev.retention.domain.prediction.ClvModels;
import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.CustomerPrediction;
import dev.retention.domain.prediction.GammaGammaParameters;
import dev.retention.domain.prediction.HoldoutValidation;
import dev.retention.domain.prediction.ModelFit;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.ParetoNbdParameters;
import dev.retention.domain.prediction.PredictionOrder;
import dev.retention.domain.prediction.PurchaseModelKind;
import dev.retention.domain.prediction.PurchaseSummary;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.support.AdapterTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * A fit's life in the store: queued (once per schedule slot), run, succeeded with its parameters, the current model
 * of its segment with ranked predictions, replaced by the next; a failed fit keeps no predictions.
 */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, ClvModelPersistenceAdapter.class})
class ClvModelPersistenceAdapterTest extends AdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final ClvSettings ALL = new ClvSettings(
            LocalDate.parse("2026-10-31"),
            ModelTimeUnit.WEEK,
            12,
            new BigDecimal("0.010000"), // as stored: six decimals
            null,
            ZoneId.of("Europe/Berlin"));
    private static final ModelFit<BgNbdParameters> PURCHASES = new ModelFit<>(
            new BgNbdParameters(0.243, 4.414, 0.793, 2.426), -9582.4, 3, 310, List.of(0.1, 0.2, 0.3, 0.4));
    private static final ModelFit<GammaGammaParameters> SPEND =
            new ModelFit<>(new GammaGammaParameters(6.25, 3.74, 15.44), -3251.1, 2, 120, List.of(0.5, 0.6, 0.7));

    @Autowired
    private ClvModels models;

    private static CustomerPrediction prediction(UUID customer, double pAlive, String clv) {
        return new CustomerPrediction(
                customer,
                new PurchaseSummary(2, 4.0, 6.0, new BigDecimal("25.0000")),
                pAlive,
                0.1,
                0.3,
                1.2,
                new BigDecimal("24.5000"),
                new BigDecimal(clv));
    }

    private UUID succeeded(List<CustomerPrediction> predictions, Instant at) {
        ClvModel queued = models.queue(ALL, ClvModel.REQUESTED, at);
        models.start(queued.id(), "instance-a", at, at.plusSeconds(30));
        models.savePredictions(queued.id(), predictions);
        models.succeed(queued.id(), PURCHASES, SPEND, null, new ClvModel.Timings(10L, 20L, 30L), at.plusSeconds(5));
        return queued.id();
    }

    @Test
    void aScheduledFitIsQueuedOncePerSlot() {
        assertThat(models.queueOnce(ALL, "2026-11-30T03:00", NOW)).isPresent();
        assertThat(models.queueOnce(ALL, "2026-11-30T03:00", NOW)).isEmpty();
        assertThat(models.queueOnce(ALL, "2026-12-01T03:00", NOW)).isPresent();
    }

    @Test
    void aSucceededFitKeepsItsSettingsParametersAndTimings() {
        UUID id = succeeded(List.of(), NOW);

        ClvModel model = models.find(id).orElseThrow();

        assertThat(model.status()).isEqualTo(ClvModelStatus.SUCCEEDED);
        assertThat(model.settings()).isEqualTo(ALL);
        assertThat(model.purchaseFit()).isEqualTo(PURCHASES);
        assertThat(model.spendFit()).isEqualTo(SPEND);
        assertThat(model.timings()).isEqualTo(new ClvModel.Timings(10L, 20L, 30L));
        assertThat(model.finishedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(models.current(null)).map(ClvModel::id).contains(id);
        assertThat(models.current("retail")).isEmpty();
    }

    @Test
    void aParetoNbdFitKeepsItsModelParametersAndHoldoutValidation() {
        ClvSettings pareto = new ClvSettings(
                ALL.calibrationEnd(),
                ALL.timeUnit(),
                ALL.horizonMonths(),
                ALL.monthlyDiscountRate(),
                null,
                ALL.zone(),
                PurchaseModelKind.PARETO_NBD,
                LocalDate.parse("2026-11-29"));
        ModelFit<ParetoNbdParameters> fit = new ModelFit<>(
                new ParetoNbdParameters(0.553, 10.578, 0.606, 11.669), -9595.0, 3, 150, List.of(0.1, 0.2, 0.3, 0.4));
        ClvModel queued = models.queue(pareto, ClvModel.REQUESTED, NOW);
        models.start(queued.id(), "instance-a", NOW, NOW.plusSeconds(30));
        HoldoutValidation validation = new HoldoutValidation(
                LocalDate.parse("2026-11-29"),
                4.142857142857143,
                List.of(
                        new HoldoutValidation.FrequencyRow(0, 1411, 0.2345678901234, 0.25),
                        new HoldoutValidation.FrequencyRow(7, 3, 6.5, 7.0)),
                1653.4,
                1882,
                0.612);
        models.succeed(queued.id(), fit, SPEND, validation, new ClvModel.Timings(1L, 2L, 3L), NOW.plusSeconds(5));

        ClvModel model = models.find(queued.id()).orElseThrow();

        assertThat(model.settings().purchaseModel()).isEqualTo(PurchaseModelKind.PARETO_NBD);
        assertThat(model.purchaseFit()).isEqualTo(fit);
        assertThat(model.settings().holdoutEnd()).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(model.validation()).isEqualTo(validation);
        assertThat(models.find(succeeded(List.of(), NOW.plusSeconds(60)))
                        .orElseThrow()
                        .settings()
                        .purchaseModel())
                .as("the default")
                .isEqualTo(PurchaseModelKind.BG_NBD);
    }

    @Test
    void aComparisonsFitsAreFoundTogetherAndNeverBecomeTheSegmentsModel() {
        UUID ada = customer("crm-ada", null);
        UUID live = succeeded(List.of(prediction(ada, 0.9, "100")), NOW);
        UUID comparison = UUID.randomUUID();
        ClvModel first = models.queueForComparison(ALL, comparison, NOW.plusSeconds(10));
        ClvModel second = models.queueForComparison(
                ALL.withPurchaseModel(PurchaseModelKind.MBG_NBD), comparison, NOW.plusSeconds(11));
        models.start(first.id(), "instance-a", NOW.plusSeconds(12), NOW.plusSeconds(40));
        models.succeed(first.id(), PURCHASES, SPEND, null, new ClvModel.Timings(1L, 2L, 0L), NOW.plusSeconds(20));

        assertThat(models.comparison(comparison)).extracting(ClvModel::id).containsExactly(first.id(), second.id());
        assertThat(models.comparison(comparison).get(0).comparisonId()).isEqualTo(comparison);
        assertThat(models.comparison(comparison).get(0).trigger()).isEqualTo(ClvModel.COMPARISON);
        assertThat(models.comparison(UUID.randomUUID())).isEmpty();
        assertThat(models.current(null)).map(ClvModel::id).contains(live);
        assertThat(models.prediction(live, CustomerId.of(ada))).isPresent();
    }

    @Test
    void predictionsAreRankedByValueHighestFirstOrByPAliveLowestFirst() {
        UUID ada = customer("crm-ada", null);
        UUID bob = customer("crm-bob", null);
        UUID cy = customer("crm-cy", null);
        UUID id = succeeded(
                List.of(prediction(ada, 0.9, "120.50"), prediction(bob, 0.2, "80"), prediction(cy, 0.5, "300")), NOW);

        assertThat(models.ranked(id, PredictionOrder.CLV, 2))
                .extracting(CustomerPrediction::customerId)
                .containsExactly(cy, ada);
        assertThat(models.ranked(id, PredictionOrder.P_ALIVE, 3))
                .extracting(CustomerPrediction::customerId)
                .containsExactly(bob, cy, ada);
        assertThat(models.prediction(id, CustomerId.of(ada))).contains(prediction(ada, 0.9, "120.5000"));
    }

    @Test
    void theNextSuccessOfTheSegmentReplacesThePredictionsAndAFailureKeepsNone() {
        UUID ada = customer("crm-ada", null);
        UUID first = succeeded(List.of(prediction(ada, 0.9, "100")), NOW);
        UUID second = succeeded(List.of(prediction(ada, 0.4, "50")), NOW.plusSeconds(60));
        ClvModel failing = models.queue(ALL, ClvModel.REQUESTED, NOW.plusSeconds(120));
        models.start(failing.id(), "instance-a", NOW.plusSeconds(120), NOW.plusSeconds(150));
        models.savePredictions(failing.id(), List.of(prediction(ada, 0.1, "1")));
        models.fail(failing.id(), "The likelihood has no maximum inside the bounds.", NOW.plusSeconds(125));

        assertThat(models.prediction(first, CustomerId.of(ada))).isEmpty();
        assertThat(models.prediction(second, CustomerId.of(ada)))
                .map(CustomerPrediction::probabilityAlive)
                .contains(0.4);
        assertThat(models.prediction(failing.id(), CustomerId.of(ada))).isEmpty();
        assertThat(models.current(null)).map(ClvModel::id).contains(second);
        assertThat(models.find(failing.id()).orElseThrow().error())
                .isEqualTo("The likelihood has no maximum inside the bounds.");
        assertThat(models.list(new PageRequest(0, 10)).items())
                .extracting(ClvModel::id)
                .containsExactly(failing.id(), second, first);
    }
}
