package dev.retention.api.risk;

import dev.retention.api.shared.CsvExport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "An active customer who has been silent for longer than usual.")
@CsvExport
record AtRiskCustomerResponse(
        @Schema(description = "The customer's id.") UUID customerId,
        @Schema(description = "The CRM's id.") String externalId,

        @Schema(description = "The customer's segment.") @Nullable
        String segment,

        @Schema(description = "Its last purchase.") Instant lastPurchaseAt,

        @Schema(description = "Days since then, to asOf.", example = "45.5")
        double daysSinceLastPurchase,

        @Schema(description = "Distinct (UTC) days with a purchase.", example = "6")
        int purchaseDays,

        @Schema(description = "Median gap between its purchase days; absent for a one-time buyer.", example = "14")
        @Nullable
        Double medianGapDays,

        @Schema(description = "The silence beyond which it counts as at risk, in days.", example = "28")
        double thresholdDays,

        @Schema(description = "Its purchases less refunds over the 12 months before asOf.", example = "640.00")
        BigDecimal valueAtRisk,

        @Schema(
                description = "P(alive) from the current lifetime-value model of all customers, when it scored "
                        + "the customer.",
                example = "0.42")
        @Nullable
        Double probabilityAlive,

        @Schema(description = "Why it is on the list, in words.")
        String reason) {}
