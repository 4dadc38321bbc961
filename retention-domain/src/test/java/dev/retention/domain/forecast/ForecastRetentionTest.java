package dev.retention.domain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.CustomerLifecycles;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.Lifecycle;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.metrics.Spell;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.RuleViolationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Survivor curves from lifecycles, grouped and fitted, projected and valued, against figures worked out by hand. */
class ForecastRetentionTest {

    private final List<LifecycleQuery> asked = new ArrayList<>();

    /*
     * January 2026 cohort of 1,000 retail customers: 500 churn in January, 200 in February (one of them exactly at
     * 1 March 00:00, which still counts as alive at that boundary... so 199 in February and 1 on 1 March), 300 left.
     * February cohort of 1,000 wholesale customers: 500 churn in February. Observed until 1 April 2026.
     */
    private final CustomerLifecycles lifecycles = (query, sink) -> {
        asked.add(query);
        sink.add(churnedAt("retail", "2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z"), 500);
        sink.add(churnedAt("retail", "2026-01-06T10:00:00Z", "2026-02-10T10:00:00Z"), 199);
        sink.add(churnedAt("retail", "2026-01-06T10:00:00Z", "2026-03-01T00:00:00Z"), 1);
        sink.add(churnedAt("retail", "2026-01-07T10:00:00Z", "2026-03-10T10:00:00Z"), 100);
        sink.add(
                new Lifecycle(
                        "retail",
                        Instant.parse("2026-01-08T10:00:00Z"),
                        List.of(new Spell(Instant.parse("2026-01-08T10:00:00Z"), null))),
                200);
        sink.add(churnedAt("wholesale", "2026-02-03T10:00:00Z", "2026-02-20T10:00:00Z"), 500);
        sink.add(
                new Lifecycle(
                        "wholesale",
                        Instant.parse("2026-02-03T10:00:00Z"),
                        List.of(new Spell(Instant.parse("2026-02-03T10:00:00Z"), null))),
                500);
        sink.add(new Lifecycle("retail", Instant.parse("2025-12-31T10:00:00Z"), List.of()), 70); // before the cohorts
    };

    private static Lifecycle churnedAt(String segment, String acquired, String churned) {
        return new Lifecycle(
                segment, Instant.parse(acquired), List.of(new Spell(Instant.parse(acquired), Instant.parse(churned))));
    }

    private RetentionForecast forecast(FitBy fitBy, String payment) {
        return new ForecastRetention(lifecycles)
                .forecast(new RetentionForecastQuery(
                        Granularity.MONTH,
                        ZoneOffset.UTC,
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-03-01"),
                        LocalDate.parse("2026-04-15"),
                        fitBy,
                        null,
                        2,
                        new BigDecimal("0.1"),
                        new BigDecimal("0.5"),
                        payment == null ? null : new BigDecimal(payment)));
    }

    @Test
    void survivorCurvesCountTheFirstChurnAtEachBoundary() {
        RetentionForecast forecast = forecast(FitBy.COHORT, null);

        assertThat(forecast.observedUntil()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(asked).singleElement().satisfies(query -> {
            assertThat(query.model()).isEqualTo(ChurnModel.CONTRACTUAL);
            assertThat(query.boundaries()).hasSize(4).last().isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        });
        assertThat(forecast.groups())
                .extracting(RetentionForecast.Group::cohort)
                .containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"));
        // January: 1,000 at the start, 500 on 1 February, 300 on 1 March (the one churning at 00:00 still counts),
        // 200 on 1 April
        assertThat(forecast.groups().get(0).curves().get(0).aliveCounts()).containsExactly(1000L, 500L, 301L, 200L);
        assertThat(forecast.groups().get(1).curves().get(0).aliveCounts()).containsExactly(1000L, 500L, 500L);
    }

    @Test
    void aPooledFitProjectsEveryCohortFromItsOwnAge() {
        RetentionForecast.Group pooled = forecast(FitBy.POOLED, "20").groups().get(0);

        assertThat(pooled.cohort()).isNull();
        assertThat(pooled.customers()).isEqualTo(2000);
        assertThat(pooled.aliveNow()).isEqualTo(700);
        ShiftedBetaGeometric model = pooled.fit().model();
        // by hand from the fitted r_t: January is 3 periods old with 200 alive, February 2 with 500
        double may = 200 * model.retentionRate(4) + 500 * model.retentionRate(3);
        double june = 200 * model.retentionRate(4) * model.retentionRate(5)
                + 500 * model.retentionRate(3) * model.retentionRate(4);
        assertThat(pooled.projection()).hasSize(2);
        assertThat(pooled.projection().get(0).date()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(pooled.projection().get(0).expectedCustomers()).isCloseTo(may, within(1e-9));
        assertThat(pooled.projection().get(0).expectedRetentionRate()).isCloseTo(may / 700, within(1e-12));
        assertThat(pooled.projection().get(1).expectedCustomers()).isCloseTo(june, within(1e-9));
        // observed shares: period 1 from both cohorts (1,000 of 2,000), period 3 from January only (200 of 1,000)
        assertThat(pooled.survival().get(1).observedShare()).isCloseTo(0.5, within(1e-12));
        assertThat(pooled.survival().get(3).observedShare()).isCloseTo(0.2, within(1e-12));
        assertThat(pooled.survival().get(0).modelRetentionRate()).isNull();
        // and on by the model alone for the horizon: periods 4 and 5
        assertThat(pooled.survival()).hasSize(6);
        assertThat(pooled.survival().get(5).observedShare()).isNull();
        assertThat(pooled.survival().get(5).modelSurvival()).isCloseTo(model.survival(5), within(1e-12));
        // value = margin × payment × residual lifetime = 0.5 × 20 × DERL(n)
        RetentionForecast.ResidualValue afterTwo = pooled.residualValues().get(2);
        assertThat(afterTwo.renewals()).isEqualTo(2);
        assertThat(afterTwo.nextRenewalRate()).isCloseTo(model.retentionRate(3), within(1e-12));
        assertThat(afterTwo.value().doubleValue()).isCloseTo(10 * model.residualLifetime(2, 0.1), within(1e-4));
    }

    @Test
    void aSegmentsFitIsItsOwnAndAGroupThatCannotBeFittedSaysWhy() {
        RetentionForecast forecast = forecast(FitBy.SEGMENT, null);

        assertThat(forecast.groups())
                .extracting(RetentionForecast.Group::segment)
                .containsExactly("retail", "wholesale");
        RetentionForecast.Group wholesale = forecast.groups().get(1);
        // half gone at once and nobody after: the likelihood grows as α and β shrink towards 0 (half the customers
        // certain to churn, half certain to stay), a maximum the model's range does not hold
        assertThat(wholesale.fit()).isNull();
        assertThat(wholesale.fitNote()).contains("edge of the parameter range");
        assertThat(wholesale.projection()).isEmpty();
        assertThat(wholesale.survival().get(2).observedShare()).isCloseTo(0.5, within(1e-12));
        RetentionForecast.Group retail = forecast.groups().get(0);
        assertThat(retail.fit()).isNotNull();
        assertThat(retail.residualValues().get(0).value())
                .as("no payment given")
                .isNull();
    }

    @Test
    void withOnlyOnePeriodObservedNothingCanBeFittedAndTheAnswerSaysWhy() {
        assertThatThrownBy(() -> new ForecastRetention(lifecycles)
                        .forecast(new RetentionForecastQuery(
                                Granularity.MONTH,
                                ZoneOffset.UTC,
                                LocalDate.parse("2026-02-01"),
                                LocalDate.parse("2026-03-01"),
                                LocalDate.parse("2026-03-01"),
                                FitBy.POOLED,
                                null,
                                2,
                                new BigDecimal("0.1"),
                                BigDecimal.ONE,
                                null)))
                .isInstanceOfSatisfying(RuleViolationException.class, refused -> {
                    assertThat(refused.problem()).isEqualTo("forecast-not-possible");
                    assertThat(refused.getMessage()).contains("at least 2 periods");
                });
    }

    @Test
    void parametersOutOfRangeAreNamed() {
        assertThatThrownBy(() -> new ForecastRetention(lifecycles)
                        .forecast(new RetentionForecastQuery(
                                Granularity.MONTH,
                                ZoneOffset.UTC,
                                LocalDate.parse("2026-02-01"),
                                LocalDate.parse("2026-01-01"),
                                LocalDate.parse("2026-03-01"),
                                FitBy.POOLED,
                                null,
                                0,
                                BigDecimal.ZERO,
                                new BigDecimal("1.5"),
                                new BigDecimal("-1"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(violation -> violation.field())
                                .containsExactly("horizon", "discountRate", "margin", "paymentPerPeriod", "to"));
    }
}
