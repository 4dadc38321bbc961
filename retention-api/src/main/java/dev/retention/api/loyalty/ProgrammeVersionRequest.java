package dev.retention.api.loyalty;

import dev.retention.domain.loyalty.ProgrammeVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

@Schema(description = "A new version of the programme's rules.")
record ProgrammeVersionRequest(
        @Schema(
                description = "When the rules take effect (UTC); not in the past, after the latest version's; "
                        + "absent: now.",
                example = "2027-01-01T00:00:00Z")
        Instant effectiveFrom,

        @Schema(
                description = "Base points per 1.00 of the reporting currency; a purchase earns floor(amount × this).",
                example = "1",
                minimum = "0",
                exclusiveMinimum = true,
                maximum = "" + ProgrammeVersion.MAX_POINTS_PER_UNIT_VALUE,
                requiredMode = Schema.RequiredMode.REQUIRED)
        BigDecimal pointsPerUnit,

        @Schema(
                description = "The tiers from the entry tier (qualifyingPoints 0) upwards.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        List<TierBody> tiers,

        @Schema(
                description = "Months after which earned points expire, 1 to 120; absent: never.",
                example = "12",
                minimum = "1",
                maximum = "" + ProgrammeVersion.MAX_LIFETIME_MONTHS)
        Integer pointsLifetimeMonths,

        @Schema(description = "Whether a customer's first purchase enrols it; default false.", example = "true")
        Boolean autoEnrol) {

    @Schema(name = "Tier", description = "A tier and what it takes and gives.")
    record TierBody(
            @Schema(
                    description = "Unique name, at most 50 characters.",
                    example = "Gold",
                    minLength = 1,
                    maxLength = ProgrammeVersion.MAX_TIER_NAME_LENGTH,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(
                    description = "Base points over the rolling 12 months that reach the tier; 0 for the first.",
                    example = "500",
                    minimum = "0")
            Long qualifyingPoints,

            @Schema(
                    description = "Multiplier of earned points, 1 to 10.",
                    example = "1.2",
                    minimum = "1",
                    maximum = "" + ProgrammeVersion.MAX_TIER_MULTIPLIER,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            BigDecimal multiplier) {}
}
