package dev.retention.api.loyalty;

import dev.retention.api.shared.ReportingRange;
import dev.retention.api.shared.ReportingSettings;
import dev.retention.domain.loyalty.LoyaltySummary;
import dev.retention.domain.loyalty.PointsFlow;
import dev.retention.domain.loyalty.SummariseLoyalty;
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
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Loyalty", description = "The points programme: rules, accounts, ledger, rewards and redemptions.")
class LoyaltySummaryController {

    private final SummariseLoyalty loyalty;
    private final ReportingSettings defaults;

    LoyaltySummaryController(SummariseLoyalty loyalty, ReportingSettings defaults) {
        this.loyalty = loyalty;
        this.defaults = defaults;
    }

    @GetMapping("/api/v1/loyalty/summary")
    @Operation(
            operationId = "getLoyaltySummary",
            summary = "Tier sizes and points per period",
            description = "Members by tier now, and per period (half-open, local midnights in the zone) and over the "
                    + "range the points earned, redeemed, expired, clawed back by refunds and adjusted, by when each "
                    + "ledger entry took effect. How members retain against everyone else: /metrics/retention with "
                    + "loyalty=MEMBER and NON_MEMBER.")
    @ApiResponse(responseCode = "200", description = "The summary.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or out of range; errors names it.")
    LoyaltySummaryResponse summary(
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
                    String zone) {
        ReportingPeriods periods = ReportingRange.periods(
                from, to, granularity == null ? Granularity.MONTH : granularity, zone, defaults.zone());
        LoyaltySummary summary = loyalty.summarise(periods);
        List<LoyaltySummaryResponse.Points> rows = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            ReportingPeriod period = periods.get(i);
            rows.add(points(
                    period.startDate(), period.endDate(), summary.periods().get(i)));
        }
        return new LoyaltySummaryResponse(
                periods.granularity(),
                periods.zone().getId(),
                summary.members(),
                summary.tiers().stream()
                        .map(tier -> new LoyaltySummaryResponse.TierSize(tier.tier(), tier.members()))
                        .toList(),
                rows,
                points(
                        periods.get(0).startDate(),
                        periods.get(periods.size() - 1).endDate(),
                        summary.total()));
    }

    private static LoyaltySummaryResponse.Points points(LocalDate start, LocalDate end, PointsFlow flow) {
        return new LoyaltySummaryResponse.Points(
                start, end, flow.earned(), flow.redeemed(), flow.expired(), flow.clawedBack(), flow.adjusted());
    }
}
