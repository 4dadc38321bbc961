package dev.retention.domain.loyalty;

import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The programme's rules from {@code effectiveFrom} until the next version: purchases earn
 * floor(amount × pointsPerUnit) base points, times the multiplier of the customer's tier at the purchase, rounded
 * down; points expire {@code pointsLifetimeMonths} after they were earned (null: never); with {@code autoEnrol} a
 * customer's first purchase enrols it.
 */
public record ProgrammeVersion(
        UUID id,
        Instant effectiveFrom,
        BigDecimal pointsPerUnit,
        List<Tier> tiers,
        Integer pointsLifetimeMonths,
        boolean autoEnrol,
        Instant createdAt) {

    public static final int MAX_LIFETIME_MONTHS = 120;
    public static final int MAX_POINTS_PER_UNIT_VALUE = 1000;
    public static final int MAX_TIER_MULTIPLIER = 10;
    public static final int MAX_TIER_NAME_LENGTH = 50;
    private static final BigDecimal MAX_POINTS_PER_UNIT = BigDecimal.valueOf(MAX_POINTS_PER_UNIT_VALUE);
    private static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(MAX_TIER_MULTIPLIER);

    public ProgrammeVersion {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        List<Violation> violations = new ArrayList<>();
        if (effectiveFrom == null) {
            violations.add(new Violation("effectiveFrom", "is required"));
        }
        if (pointsPerUnit == null
                || pointsPerUnit.signum() <= 0
                || pointsPerUnit.compareTo(MAX_POINTS_PER_UNIT) > 0
                || pointsPerUnit.scale() > 4) {
            violations.add(new Violation("pointsPerUnit", "must be above 0 and at most 1000, with at most 4 decimals"));
        }
        if (pointsLifetimeMonths != null && (pointsLifetimeMonths < 1 || pointsLifetimeMonths > MAX_LIFETIME_MONTHS)) {
            violations.add(new Violation(
                    "pointsLifetimeMonths",
                    "must be between 1 and " + MAX_LIFETIME_MONTHS + ", or null for points that never expire"));
        }
        violations.addAll(tierViolations(tiers));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static List<Violation> tierViolations(List<Tier> tiers) {
        List<Violation> violations = new ArrayList<>();
        if (tiers.isEmpty()) {
            return List.of(new Violation("tiers", "must name at least one tier, the one every member starts in"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            String field = "tiers[" + i + "]";
            if (tier == null
                    || tier.name() == null
                    || tier.name().isBlank()
                    || tier.name().length() > MAX_TIER_NAME_LENGTH) {
                violations.add(new Violation(field + ".name", "is required, at most 50 characters"));
                continue;
            }
            if (!names.add(tier.name())) {
                violations.add(Violation.rule(field + ".name", "repeats the name " + tier.name()));
            }
            if (i == 0 && tier.qualifyingPoints() != 0) {
                violations.add(Violation.rule(field + ".qualifyingPoints", "must be 0 for the first tier"));
            }
            if (i > 0
                    && tiers.get(i - 1) != null
                    && tier.qualifyingPoints() <= tiers.get(i - 1).qualifyingPoints()) {
                violations.add(Violation.rule(field + ".qualifyingPoints", "must be above the previous tier's"));
            }
            if (tier.multiplier() == null
                    || tier.multiplier().compareTo(BigDecimal.ONE) < 0
                    || tier.multiplier().compareTo(MAX_MULTIPLIER) > 0) {
                violations.add(new Violation(field + ".multiplier", "must be between 1 and 10"));
            }
        }
        return violations;
    }

    /** Base points of a purchase amount: floor(amount × pointsPerUnit). */
    public long basePoints(BigDecimal amount) {
        return amount.multiply(pointsPerUnit).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** Points earned: floor(base points × the tier's multiplier). */
    public long earnedPoints(long basePoints, Tier tier) {
        return BigDecimal.valueOf(basePoints)
                .multiply(tier.multiplier())
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    /** The highest tier whose threshold the qualifying points reach. */
    public Tier tierFor(long qualifyingPoints) {
        Tier reached = tiers.get(0);
        for (Tier tier : tiers) {
            if (qualifyingPoints >= tier.qualifyingPoints()) {
                reached = tier;
            }
        }
        return reached;
    }

    public Tier entryTier() {
        return tiers.get(0);
    }

    /** When points earned at {@code earnedAt} expire, in UTC calendar months; null when they never do. */
    public Instant expiryOf(Instant earnedAt) {
        return pointsLifetimeMonths == null
                ? null
                : earnedAt.atOffset(ZoneOffset.UTC)
                        .plusMonths(pointsLifetimeMonths)
                        .toInstant();
    }
}
