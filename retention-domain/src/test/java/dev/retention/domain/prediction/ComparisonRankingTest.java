package dev.retention.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A comparison's fits, best first: succeeded by holdout error, then unfinished, then failed. */
class ComparisonRankingTest {

    private static final ClvSettings SETTINGS = new ClvSettings(
            LocalDate.parse("1997-09-30"),
            ModelTimeUnit.WEEK,
            12,
            new BigDecimal("0.01"),
            null,
            ZoneOffset.UTC,
            PurchaseModelKind.BG_NBD,
            LocalDate.parse("1998-06-30"));

    private static ClvModel fit(PurchaseModelKind kind, ClvModelStatus status, Double meanAbsoluteError) {
        HoldoutValidation validation = meanAbsoluteError == null
                ? null
                : new HoldoutValidation(LocalDate.parse("1998-06-30"), 39, List.of(), 1, 1, meanAbsoluteError);
        return new ClvModel(
                UUID.randomUUID(),
                SETTINGS.withPurchaseModel(kind),
                ClvModel.COMPARISON,
                UUID.randomUUID(),
                status,
                status.name(),
                0,
                Instant.parse("2026-11-30T00:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                validation,
                null);
    }

    @Test
    void theSmallestHoldoutErrorComesFirstAndUnfinishedAndFailedFitsLast() {
        ClvModel failed = fit(PurchaseModelKind.PARETO_NBD, ClvModelStatus.FAILED, null);
        ClvModel running = fit(PurchaseModelKind.MBG_NBD, ClvModelStatus.RUNNING, null);
        ClvModel worse = fit(PurchaseModelKind.BG_NBD, ClvModelStatus.SUCCEEDED, 0.71);
        ClvModel better = fit(PurchaseModelKind.MBG_NBD, ClvModelStatus.SUCCEEDED, 0.65);

        assertThat(ReadPredictions.bestFirst(List.of(failed, running, worse, better)))
                .containsExactly(better, worse, running, failed);
    }
}
