package dev.retention.domain.loyalty;

import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.UnitOfWork;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Adds a version of the programme's rules. It applies to purchases from its effective time on, never to earlier
 * ones: the effective time may not lie in the past (absent: now) and must follow the latest version's.
 */
public class ChangeProgramme {

    private final LoyaltyStore store;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ChangeProgramme(LoyaltyStore store, UnitOfWork unitOfWork, Clock clock) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** Every version of the programme, and the one in force now. */
    public record Programme(LoyaltyProgramme versions, java.util.Optional<ProgrammeVersion> inForce) {}

    public Programme current() {
        LoyaltyProgramme programme = store.programme();
        return new Programme(programme, programme.at(Instants.now(clock)));
    }

    public ProgrammeVersion add(
            Instant effectiveFrom,
            BigDecimal pointsPerUnit,
            List<Tier> tiers,
            Integer pointsLifetimeMonths,
            boolean autoEnrol) {
        Instant now = Instants.now(clock);
        Instant from = effectiveFrom == null ? now : Instants.stored(effectiveFrom);
        if (from.isBefore(now)) {
            throw InvalidInputException.rule(
                    "effectiveFrom",
                    "must not lie in the past: a change applies to "
                            + "purchases from its effective time on, never retroactively");
        }
        ProgrammeVersion version = new ProgrammeVersion(
                UUID.randomUUID(), from, pointsPerUnit, tiers, pointsLifetimeMonths, autoEnrol, now);
        return unitOfWork.inTransaction(() -> {
            store.programme()
                    .latest()
                    .filter(latest -> !from.isAfter(latest.effectiveFrom()))
                    .ifPresent(latest -> {
                        throw new ConflictException(
                                "programme-version-order",
                                "effectiveFrom must be after " + latest.effectiveFrom()
                                        + ", when the latest version takes effect");
                    });
            store.addProgrammeVersion(version);
            return version;
        });
    }
}
