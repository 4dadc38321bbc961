package dev.retention.domain.strategy;

import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A retention strategy: an action of a type through a channel, aimed at a target from {@code startsAt} until
 * {@code endsAt}, with {@code holdoutPercent} of the targeted customers kept out as a control group. A
 * PERSONALISED_MARKETING strategy may attach each treated customer's top {@code recommendations} products to its
 * assignment at activation (0: none).
 */
public record Strategy(
        UUID id,
        String name,
        StrategyType type,
        String action,
        StrategyChannel channel,
        StrategyTarget target,
        Instant startsAt,
        Instant endsAt,
        int holdoutPercent,
        StrategyStatus status,
        Instant createdAt,
        Instant activatedAt,
        Instant updatedAt,
        int recommendations) {

    public static final int DEFAULT_HOLDOUT_PERCENT = 10;
    public static final int MAX_RECOMMENDATIONS = 20;
    public static final int MIN_HOLDOUT_PERCENT = 1;
    public static final int MAX_HOLDOUT_PERCENT = 50;

    public Strategy {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            violations.add(new Violation("name", "is required, at most 200 characters"));
        }
        if (type == null) {
            violations.add(new Violation("type", "is required"));
        }
        if (action == null || action.isBlank() || action.length() > 2000) {
            violations.add(new Violation("action", "is required, at most 2000 characters"));
        }
        if (channel == null) {
            violations.add(new Violation("channel", "is required"));
        }
        if (target == null || target.isEmpty()) {
            violations.add(Violation.rule("target", "must name RFM segments, a customer segment or the at-risk list"));
        }
        if (startsAt == null) {
            violations.add(new Violation("startsAt", "is required"));
        }
        if (endsAt == null) {
            violations.add(new Violation("endsAt", "is required"));
        } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
            violations.add(Violation.rule("endsAt", "must be after startsAt"));
        }
        if (holdoutPercent < MIN_HOLDOUT_PERCENT || holdoutPercent > MAX_HOLDOUT_PERCENT) {
            violations.add(new Violation(
                    "holdoutPercent", "must be between " + MIN_HOLDOUT_PERCENT + " and " + MAX_HOLDOUT_PERCENT));
        }
        if (recommendations < 0 || recommendations > MAX_RECOMMENDATIONS) {
            violations.add(new Violation("recommendations", "must be between 0 and " + MAX_RECOMMENDATIONS));
        } else if (recommendations > 0 && type != null && type != StrategyType.PERSONALISED_MARKETING) {
            violations.add(Violation.rule("recommendations", "are only attached by PERSONALISED_MARKETING strategies"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    public Strategy moveTo(StrategyStatus next, Instant at) {
        return new Strategy(
                id,
                name,
                type,
                action,
                channel,
                target,
                startsAt,
                endsAt,
                holdoutPercent,
                next,
                createdAt,
                next == StrategyStatus.ACTIVE ? at : activatedAt,
                at,
                recommendations);
    }
}
