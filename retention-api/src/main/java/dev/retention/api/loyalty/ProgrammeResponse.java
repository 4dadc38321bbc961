package dev.retention.api.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "The programme: the version in force now and every version, oldest first.")
record ProgrammeResponse(
        @Schema(description = "The version in force now; absent before the first takes effect.") @Nullable
        VersionResponse current,

        @Schema(description = "All versions by effective time.")
        List<VersionResponse> versions) {

    @Schema(name = "ProgrammeVersion", description = "The rules from effectiveFrom until the next version.")
    record VersionResponse(
            @Schema(description = "The version's id.") UUID id,

            @Schema(description = "When the rules take effect.")
            Instant effectiveFrom,

            @Schema(description = "Base points per 1.00 of the reporting currency.")
            BigDecimal pointsPerUnit,

            @Schema(description = "The tiers, entry tier first.")
            List<TierResponse> tiers,

            @Schema(description = "Months until earned points expire; absent: never.") @Nullable
            Integer pointsLifetimeMonths,

            @Schema(description = "Whether a first purchase enrols the customer.")
            boolean autoEnrol,

            @Schema(description = "When the version was added.")
            Instant createdAt) {}

    @Schema(name = "TierRules", description = "A tier of a version.")
    record TierResponse(
            @Schema(description = "The tier's name.") String name,

            @Schema(description = "Base points over the rolling 12 months that reach it.")
            long qualifyingPoints,

            @Schema(description = "Multiplier of earned points.")
            BigDecimal multiplier) {}
}
