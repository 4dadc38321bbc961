package dev.retention.domain.loyalty;

import dev.retention.domain.shared.RuleViolationException;
import java.util.List;

/** Something that needs the programme's rules was asked for before any version took effect. */
final class ProgrammeRequiredException {

    private ProgrammeRequiredException() {}

    static RuleViolationException now() {
        return new RuleViolationException(
                "no-loyalty-programme",
                "No version of the loyalty programme is in force "
                        + "yet; an admin adds one with POST /api/v1/loyalty/programme/versions.",
                List.of());
    }
}
