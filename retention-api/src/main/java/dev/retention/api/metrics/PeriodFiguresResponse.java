package dev.retention.api.metrics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

@Schema(
        description = "Retention figures of one period [start, end), or of the whole range. Rates are percent; "
                + "rates and money have 4 decimals, rounded half-even. A ratio whose denominator is 0 is absent, and "
                + "undefinedBecause says why.")
record PeriodFiguresResponse(
        @Schema(description = "First day of the period in the reporting zone.", example = "2026-01-01")
        LocalDate startDate,

        @Schema(description = "First day after the period.", example = "2026-02-01")
        LocalDate endDate,

        @Schema(description = "The start boundary: local midnight as a UTC instant.")
        Instant start,

        @Schema(description = "The end boundary.") Instant end,

        @Schema(description = "False while the period ends after now.")
        boolean complete,

        @Schema(description = "S: customers active at the start boundary.", example = "1000")
        long startCustomers,

        @Schema(description = "E: customers active at the end boundary.", example = "950")
        long endCustomers,

        @Schema(description = "N: customers whose first acquisition lies in the period.", example = "150")
        long newCustomers,

        @Schema(description = "Customers active at both boundaries.", example = "800")
        long retained,

        @Schema(description = "S - retained.", example = "200")
        long churned,

        @Schema(description = "Customers active at the end that were neither active at the start nor new.")
        long reactivated,

        @Schema(description = "Customer retention rate (E - N) / S * 100.", example = "80.0000") @Nullable
        BigDecimal crr,

        @Schema(description = "churned / S * 100.", example = "20.0000") @Nullable
        BigDecimal churnRate,

        @Schema(description = "retained / S * 100.", example = "80.0000") @Nullable
        BigDecimal strictRetentionRate,

        @Schema(description = "PURCHASE amounts minus REFUND amounts with occurredAt in the period.")
        BigDecimal revenue,

        @Schema(description = "Average revenue per customer: revenue / ((S + E) / 2).") @Nullable
        BigDecimal arpu,

        @Schema(
                description = "Customer lifetime value: margin * arpu * (1 + d) / (1 + d - r), r = 1 - churnRate/100; "
                        + "null for the whole range.")
        @Nullable
        BigDecimal clv,

        @Schema(
                description = "For each absent ratio (crr, churnRate, strictRetentionRate, arpu, clv), why it is "
                        + "undefined.")
        Map<String, String> undefinedBecause) {}
