package dev.retention.api.rfm;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.rfm.RfmSegment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(description = "One customer's RFM figures in the window, its scores and its segment.")
@CsvExport
record RfmScoreResponse(
        @Schema(description = "The customer's id.") UUID customerId,

        @Schema(description = "Its last purchase in the window.")
        Instant lastPurchaseAt,

        @Schema(description = "Whole days of 24 hours from the last purchase to asOf, rounded down.", example = "12")
        long recencyDays,

        @Schema(description = "Purchases in the window.", example = "7")
        long frequency,

        @Schema(description = "Purchase amounts less refunds in the window.", example = "412.50")
        BigDecimal monetary,

        @Schema(description = "Recency score, 5 for the most recent fifth.", example = "5")
        int recencyScore,

        @Schema(description = "Frequency score, 5 for the most frequent fifth.", example = "4")
        int frequencyScore,

        @Schema(description = "Monetary score, 5 for the fifth that spent most.", example = "4")
        int monetaryScore,

        @Schema(description = "The segment of (R, F).", example = "CHAMPIONS")
        RfmSegment segment,

        @Schema(description = "The segment's name as people say it.", example = "Champions")
        String segmentName) {}
