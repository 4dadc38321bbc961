package dev.retention.api.feedback;

import dev.retention.api.shared.ReportingRange;
import dev.retention.api.shared.ReportingSettings;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.feedback.Feedback;
import dev.retention.domain.feedback.FeedbackCounts;
import dev.retention.domain.feedback.FeedbackFigures;
import dev.retention.domain.feedback.RecordFeedback;
import dev.retention.domain.feedback.ReportFeedback;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriod;
import dev.retention.domain.metrics.ReportingPeriods;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Feedback", description = "Net Promoter and satisfaction answers, and their figures per period.")
class FeedbackController {

    private final RecordFeedback recordFeedback;
    private final ReportFeedback reportFeedback;
    private final ReportingSettings defaults;

    FeedbackController(RecordFeedback recordFeedback, ReportFeedback reportFeedback, ReportingSettings defaults) {
        this.recordFeedback = recordFeedback;
        this.reportFeedback = reportFeedback;
        this.defaults = defaults;
    }

    @PostMapping("/api/v1/customers/{id}/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "recordFeedback",
            summary = "Record a customer's answer",
            description = "Stores an NPS (0-10) and/or CSAT (1-5) answer with its channel and, in the same "
                    + "transaction, the customer's FEEDBACK event.")
    @ApiResponse(responseCode = "201", description = "Stored.")
    @ApiResponse(
            responseCode = "400",
            description = "No score, a score out of range, or no channel; errors names " + "each field.")
    @ApiResponse(responseCode = "404", description = "No customer has this id.")
    @ApiResponse(responseCode = "409", description = "The customer has been erased and takes no new feedback.")
    FeedbackResponse record(
            @Parameter(description = "The customer's id.") @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The answer.") @RequestBody
                    FeedbackRequest request) {
        Feedback feedback = recordFeedback.record(
                CustomerId.of(id),
                request.npsScore(),
                request.csatScore(),
                request.channel(),
                request.comment(),
                request.strategyId(),
                request.occurredAt());
        return new FeedbackResponse(
                feedback.id(),
                feedback.customerId(),
                feedback.eventId(),
                feedback.npsScore(),
                feedback.csatScore(),
                feedback.channel(),
                feedback.comment(),
                feedback.strategyId(),
                feedback.occurredAt(),
                feedback.recordedAt());
    }

    @GetMapping("/api/v1/metrics/feedback")
    @Operation(
            operationId = "getFeedbackMetrics",
            summary = "NPS and CSAT per period",
            description = "Per period (half-open, local midnights in the zone) and over the range: answers, NPS = % "
                    + "promoters (9-10) - % detractors (0-6) of the NPS answers, and CSAT = the mean satisfaction "
                    + "score; ratios without answers are absent. An answer counts in the period of its occurredAt.")
    @ApiResponse(responseCode = "200", description = "The figures.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or out of range; errors names it.")
    FeedbackMetricsResponse metrics(
            @Parameter(description = "First day of the range.", example = "2026-01-01", required = true)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "Day after the range.", example = "2027-01-01", required = true)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @Parameter(description = "DAY, WEEK, MONTH, QUARTER or YEAR; default MONTH.")
                    @RequestParam(required = false)
                    Granularity granularity,
            @Parameter(description = "Reporting time zone; default from configuration.") @RequestParam(required = false)
                    String zone,
            @Parameter(description = "Only customers of this segment.") @RequestParam(required = false)
                    String segment) {
        ReportingPeriods periods = ReportingRange.periods(
                from, to, granularity == null ? Granularity.MONTH : granularity, zone, defaults.zone());
        String onlySegment = segment == null || segment.isBlank() ? null : segment;
        List<FeedbackCounts> counts = reportFeedback.perPeriod(periods, onlySegment);
        List<FeedbackMetricsResponse.Row> rows = new ArrayList<>();
        FeedbackCounts total = FeedbackCounts.NONE;
        for (int i = 0; i < periods.size(); i++) {
            ReportingPeriod period = periods.get(i);
            rows.add(row(period.startDate(), period.endDate(), counts.get(i)));
            total = total.plus(counts.get(i));
        }
        return new FeedbackMetricsResponse(
                onlySegment,
                periods.granularity(),
                periods.zone().getId(),
                rows,
                row(periods.get(0).startDate(), periods.get(periods.size() - 1).endDate(), total));
    }

    private static FeedbackMetricsResponse.Row row(LocalDate start, LocalDate end, FeedbackCounts counts) {
        FeedbackFigures figures = FeedbackFigures.of(counts);
        return new FeedbackMetricsResponse.Row(
                start,
                end,
                counts.responses(),
                counts.npsResponses(),
                counts.promoters(),
                counts.passives(),
                counts.detractors(),
                figures.nps(),
                counts.csatResponses(),
                figures.csat());
    }
}
