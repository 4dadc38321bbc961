package dev.retention.domain.loyalty;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The versions of the programme's rules; each applies from its effective time until the next one. */
public record LoyaltyProgramme(List<ProgrammeVersion> versions) {

    public LoyaltyProgramme {
        versions = versions.stream()
                .sorted(Comparator.comparing(ProgrammeVersion::effectiveFrom))
                .toList();
    }

    /** The version in force at {@code at}: the latest that took effect at or before it. */
    public Optional<ProgrammeVersion> at(Instant at) {
        ProgrammeVersion inForce = null;
        for (ProgrammeVersion version : versions) {
            if (!version.effectiveFrom().isAfter(at)) {
                inForce = version;
            }
        }
        return Optional.ofNullable(inForce);
    }

    public Optional<ProgrammeVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }
}
