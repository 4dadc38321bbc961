package dev.retention.domain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retention.domain.prediction.ModelFitException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SbgFitterTest {

    private final SbgFitter fitter = new SbgFitter();

    private static SurvivorCurve curve(String cohort, Long... alive) {
        return new SurvivorCurve(LocalDate.parse(cohort), null, List.of(alive));
    }

    @Test
    void twoPeriodsOfOneCohortAreMatchedExactly() {
        // P(T = 1) = α / (α + β) = 500 / 1000 and r_2 = (β + 1) / (α + β + 1) = 300 / 500 give α = β = 2
        SbgFit fit = fitter.fit(List.of(curve("2026-01-01", 1000L, 500L, 300L)));

        assertThat(fit.model().alpha()).isCloseTo(2, within(1e-3));
        assertThat(fit.model().beta()).isCloseTo(2, within(1e-3));
        assertThat(fit.alphaStandardError()).isPositive();
        assertThat(fit.customers()).isEqualTo(1000);
        assertThat(fit.observedPeriods()).isEqualTo(2);
    }

    @Test
    void cohortsOfDifferentLengthsShareOneFit() {
        // the same process seen for two periods, and a later cohort seen for one
        SbgFit fit = fitter.fit(List.of(curve("2026-01-01", 1000L, 500L, 300L), curve("2026-02-01", 1000L, 500L)));

        assertThat(fit.model().alpha()).isCloseTo(2, within(1e-3));
        assertThat(fit.model().beta()).isCloseTo(2, within(1e-3));
        assertThat(fit.customers()).isEqualTo(2000);
    }

    @Test
    void dataThatCannotBeFittedSayWhy() {
        assertThatThrownBy(() -> fitter.fit(List.of(curve("2026-01-01", 1000L, 500L))))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("at least 2 periods");
        assertThatThrownBy(() -> fitter.fit(List.of(curve("2026-01-01", 1000L, 1000L, 1000L))))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("nobody churned");
        assertThatThrownBy(() -> fitter.fit(List.of(curve("2026-01-01", 1000L, 0L, 0L))))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("first period");
        assertThatThrownBy(() -> fitter.fit(List.of(curve("2026-01-01", 5L, 3L, 2L))))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("at least 10 customers");
    }
}
