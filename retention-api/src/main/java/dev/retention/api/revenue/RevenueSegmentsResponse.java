package dev.retention.api.revenue;

import dev.retention.api.shared.CsvExport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(
        name = "RevenueBySegment",
        description = "Revenue retention per segment; customers without a segment have segment null. Revenue, base, "
                + "retained revenue and movements of all segments add up to the overall figures.")
@CsvExport
record RevenueSegmentsResponse(
        @Schema(description = "One report per segment.") List<RevenueReportResponse> segments) {}
