package dev.retention.api.metrics;

import dev.retention.api.shared.CsvExport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(
        description = "The same figures per segment; customers without a segment have segment null. The counts of "
                + "all segments add up to the overall counts.")
@CsvExport
record SegmentedRetentionResponse(
        @Schema(description = "One report per segment.") List<RetentionReportResponse> segments) {}
