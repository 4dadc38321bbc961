package dev.retention.api.rfm;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.rfm.RfmSegment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "The customers with a purchase in the window, by RFM segment.")
@CsvExport
record RfmSummaryResponse(
        @Schema(description = "End of the window.") Instant asOf,

        @Schema(description = "Length of the window in days.")
        int windowDays,

        @Schema(description = "Customers scored.") long customers,

        @Schema(description = "Their purchases less refunds in the window.")
        BigDecimal revenue,

        @Schema(description = "Every segment, empty ones included.")
        List<Segment> segments,

        @Schema(
                description = "The 25 cells of the grid, empty ones included: recency score from 5 down, then "
                        + "frequency score from 1 up. Each cell belongs to one segment.")
        List<Cell> cells) {

    @Schema(name = "RfmCell", description = "The customers with one recency and one frequency score.")
    record Cell(
            @Schema(description = "Recency score, 1 to 5 (5 = most recent).", minimum = "1", maximum = "5")
            int recencyScore,

            @Schema(description = "Frequency score, 1 to 5 (5 = most purchases).", minimum = "1", maximum = "5")
            int frequencyScore,

            @Schema(description = "The segment the cell belongs to.")
            RfmSegment segment,

            @Schema(description = "Customers in the cell.") long customers,

            @Schema(description = "Their share of the scored customers, in percent.") @Nullable
            BigDecimal customerShare,

            @Schema(description = "Their purchases less refunds.")
            BigDecimal revenue,

            @Schema(description = "Their share of the revenue, in percent; absent when the revenue is 0.") @Nullable
            BigDecimal revenueShare) {}

    @Schema(name = "RfmSegmentSummary", description = "One segment.")
    record Segment(
            @Schema(description = "The segment.") RfmSegment segment,

            @Schema(description = "Its name as people say it.")
            String name,

            @Schema(description = "Customers in it.") long customers,

            @Schema(description = "Their share of the scored customers, in percent.") @Nullable
            BigDecimal customerShare,

            @Schema(description = "Their purchases less refunds.")
            BigDecimal revenue,

            @Schema(description = "Their share of the revenue, in percent; absent when the revenue is 0.") @Nullable
            BigDecimal revenueShare,

            @Schema(description = "Average recency score.") @Nullable
            BigDecimal averageRecencyScore,

            @Schema(description = "Average frequency score.") @Nullable
            BigDecimal averageFrequencyScore,

            @Schema(description = "Average monetary score.") @Nullable
            BigDecimal averageMonetaryScore) {}
}
