package dev.retention.api.feedback;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.metrics.Granularity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "NPS and CSAT per period and over the range.")
@CsvExport
record FeedbackMetricsResponse(
        @Schema(description = "The segment reported; null: all customers.") @Nullable
        String segment,

        @Schema(description = "Period length.") Granularity granularity,
        @Schema(description = "Reporting time zone.") String zone,
        @Schema(description = "One row per period.") List<Row> periods,
        @Schema(description = "The whole range.") Row totals) {

    @Schema(name = "FeedbackFigures", description = "The answers of one period.")
    record Row(
            @Schema(description = "First day of the period.")
            LocalDate startDate,

            @Schema(description = "Day after the period.") LocalDate endDate,
            @Schema(description = "Answers of any kind.") long responses,
            @Schema(description = "NPS answers.") long npsResponses,
            @Schema(description = "Answers 9 or 10.") long promoters,
            @Schema(description = "Answers 7 or 8.") long passives,
            @Schema(description = "Answers 0 to 6.") long detractors,

            @Schema(description = "% promoters - % detractors, -100 to 100; absent without NPS answers.") @Nullable
            BigDecimal nps,

            @Schema(description = "Satisfaction answers.") long csatResponses,

            @Schema(description = "Mean satisfaction, 1 to 5; absent without answers.") @Nullable
            BigDecimal csat) {}
}
