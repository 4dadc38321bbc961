package dev.retention.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportingPeriodsTest {

    @Test
    void isoWeeksStartOnMondayAtLocalMidnightInShanghai() {
        ReportingPeriods weeks = ReportingPeriods.between(
                LocalDate.parse("2026-03-04"),
                LocalDate.parse("2026-03-16"),
                Granularity.WEEK,
                ZoneId.of("Asia/Shanghai"));

        assertThat(weeks.size()).isEqualTo(2);
        assertThat(weeks.get(0).startDate()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(weeks.boundaries())
                .containsExactly(
                        Instant.parse("2026-03-01T16:00:00Z"),
                        Instant.parse("2026-03-08T16:00:00Z"),
                        Instant.parse("2026-03-15T16:00:00Z"));
    }

    @Test
    void quartersInBerlinFollowDaylightSavingTime() {
        ReportingPeriods quarters = ReportingPeriods.between(
                LocalDate.parse("2026-02-10"),
                LocalDate.parse("2026-07-01"),
                Granularity.QUARTER,
                ZoneId.of("Europe/Berlin"));

        assertThat(quarters.boundaries())
                .containsExactly(
                        Instant.parse("2025-12-31T23:00:00Z"),
                        Instant.parse("2026-03-31T22:00:00Z"),
                        Instant.parse("2026-06-30T22:00:00Z"));
    }

    @Test
    void theDayClocksGoForwardHas23Hours() {
        ReportingPeriods days = ReportingPeriods.between(
                LocalDate.parse("2026-03-29"),
                LocalDate.parse("2026-03-30"),
                Granularity.DAY,
                ZoneId.of("Europe/Berlin"));

        ReportingPeriod day = days.get(0);
        assertThat(java.time.Duration.between(day.start(), day.end()).toHours()).isEqualTo(23);
    }

    @Test
    void monthsAndYearsStartOnTheirFirstDay() {
        assertThat(ReportingPeriods.between(
                                LocalDate.parse("2026-01-31"),
                                LocalDate.parse("2026-03-01"),
                                Granularity.MONTH,
                                ZoneOffset.UTC)
                        .boundaries())
                .containsExactly(
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-02-01T00:00:00Z"),
                        Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(ReportingPeriods.between(
                                LocalDate.parse("2025-06-01"),
                                LocalDate.parse("2026-01-02"),
                                Granularity.YEAR,
                                ZoneOffset.UTC)
                        .size())
                .isEqualTo(2);
    }

    @Test
    void fromMustBeBeforeToAndTheRangeBounded() {
        assertThatThrownBy(() -> ReportingPeriods.between(
                        LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-01"), Granularity.DAY, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportingPeriods.between(
                        LocalDate.parse("2020-01-01"), LocalDate.parse("2026-01-01"), Granularity.DAY, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
