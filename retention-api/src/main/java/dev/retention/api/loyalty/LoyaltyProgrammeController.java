package dev.retention.api.loyalty;

import dev.retention.domain.loyalty.ChangeProgramme;
import dev.retention.domain.loyalty.ProgrammeVersion;
import dev.retention.domain.loyalty.Tier;
import dev.retention.domain.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Loyalty", description = "The points programme: rules, accounts, ledger, rewards and redemptions.")
class LoyaltyProgrammeController {

    static final String RULES = " A purchase earns floor(amount × pointsPerUnit) base points, times the multiplier of "
            + "the member's tier at the purchase, rounded down, under the version in force at the purchase; a refund "
            + "takes back what its amount would have earned then (never below a zero balance; the rest is recorded as "
            + "shortfall). A member's tier is the highest whose threshold its base points of the last 12 months "
            + "reach, recomputed on every purchase and daily. Points expire per earning after the version's "
            + "lifetime; spending takes the points that expire first.";

    private final ChangeProgramme changeProgramme;
    private final LoyaltyApiMapper mapper;

    LoyaltyProgrammeController(ChangeProgramme changeProgramme, LoyaltyApiMapper mapper) {
        this.changeProgramme = changeProgramme;
        this.mapper = mapper;
    }

    @GetMapping("/api/v1/loyalty/programme")
    @Operation(
            operationId = "getLoyaltyProgramme",
            summary = "The programme's rules",
            description = "The version in force now and all versions." + RULES)
    @ApiResponse(responseCode = "200", description = "The programme.")
    ProgrammeResponse programme() {
        ChangeProgramme.Programme programme = changeProgramme.current();
        return new ProgrammeResponse(
                programme.inForce().map(mapper::toResponse).orElse(null),
                programme.versions().versions().stream().map(mapper::toResponse).toList());
    }

    @PostMapping("/api/v1/loyalty/programme/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "addLoyaltyProgrammeVersion",
            summary = "Change the programme's rules",
            description = "Adds a version that applies to purchases from effectiveFrom on, never to earlier ones. "
                    + "Needs the admin scope." + RULES)
    @ApiResponse(responseCode = "201", description = "Added.")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid rules or an effective time in the past; errors names " + "each field.")
    @ApiResponse(responseCode = "409", description = "effectiveFrom is not after the latest version's.")
    ProgrammeResponse.VersionResponse addVersion(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The new rules.") @RequestBody
                    ProgrammeVersionRequest request) {
        List<Tier> tiers = request.tiers() == null
                ? List.of()
                : request.tiers().stream()
                        .map(tier -> tier == null
                                ? null
                                : new Tier(
                                        tier.name(),
                                        tier.qualifyingPoints() == null ? -1 : tier.qualifyingPoints(),
                                        tier.multiplier()))
                        .toList();
        if (request.pointsPerUnit() == null) {
            throw InvalidInputException.of("pointsPerUnit", "is required");
        }
        ProgrammeVersion version = changeProgramme.add(
                request.effectiveFrom(),
                request.pointsPerUnit(),
                tiers,
                request.pointsLifetimeMonths(),
                Boolean.TRUE.equals(request.autoEnrol()));
        return mapper.toResponse(version);
    }
}
