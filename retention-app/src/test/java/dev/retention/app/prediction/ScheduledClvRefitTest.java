package dev.retention.app.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.PurchaseModelKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduledClvRefitTest {

    @Test
    void instancesFiringSecondsApartAgreeOnTheSlot() {
        assertThat(ScheduledClvRefit.slot(Instant.parse("2026-11-25T02:59:58.500Z")))
                .isEqualTo(ScheduledClvRefit.slot(Instant.parse("2026-11-25T03:00:20Z")))
                .isEqualTo("2026-11-25T03:00:00Z");
        assertThat(ScheduledClvRefit.slot(Instant.parse("2026-11-26T03:00:00Z")))
                .isEqualTo("2026-11-26T03:00:00Z");
    }

    @Test
    void scheduledFitsTakeTheConfiguredPurchaseModel() {
        PredictionProperties properties = new PredictionProperties(
                "0 0 3 * * *",
                List.of("retail"),
                ModelTimeUnit.DAY,
                24,
                new BigDecimal("0.02"),
                PurchaseModelKind.PARETO_NBD,
                Duration.ofSeconds(30),
                Duration.ofSeconds(10));

        ClvSettings settings = ScheduledClvRefit.settings(
                properties, ZoneId.of("Europe/Berlin"), LocalDate.parse("2026-11-29"), "retail");

        assertThat(settings.purchaseModel()).isEqualTo(PurchaseModelKind.PARETO_NBD);
        assertThat(settings.timeUnit()).isEqualTo(ModelTimeUnit.DAY);
        assertThat(settings.horizonMonths()).isEqualTo(24);
        assertThat(settings.segment()).isEqualTo("retail");
        assertThat(settings.calibrationEnd()).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(settings.holdoutEnd()).isNull();
    }
}
