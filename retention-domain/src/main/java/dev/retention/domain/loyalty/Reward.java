package dev.retention.domain.loyalty;

import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A reward of the catalogue: it costs {@code costPoints}, may be limited to {@code stock} items (null: unlimited),
 * is redeemable from {@code activeFrom} until before {@code activeUntil} (null: open), only by members of
 * {@code minimumTier} or above (null: everyone), and not once archived.
 */
public record Reward(
        UUID id,
        String name,
        String description,
        long costPoints,
        Integer stock,
        Instant activeFrom,
        Instant activeUntil,
        String minimumTier,
        boolean archived,
        Instant createdAt,
        Instant updatedAt) {

    public Reward {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            violations.add(new Violation("name", "is required, at most 200 characters"));
        }
        if (description != null && description.length() > 2000) {
            violations.add(new Violation("description", "must be at most 2000 characters"));
        }
        if (costPoints < 1) {
            violations.add(new Violation("costPoints", "must be at least 1"));
        }
        if (stock != null && stock < 0) {
            violations.add(new Violation("stock", "must be 0 or more, or null for unlimited"));
        }
        if (activeFrom != null && activeUntil != null && !activeUntil.isAfter(activeFrom)) {
            violations.add(Violation.rule("activeUntil", "must be after activeFrom"));
        }
        if (minimumTier != null && (minimumTier.isBlank() || minimumTier.length() > 50)) {
            violations.add(new Violation("minimumTier", "must be a tier name, at most 50 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    public boolean redeemableAt(Instant at) {
        return !archived
                && (activeFrom == null || !at.isBefore(activeFrom))
                && (activeUntil == null || at.isBefore(activeUntil));
    }

    public Reward archive(Instant at) {
        return new Reward(
                id, name, description, costPoints, stock, activeFrom, activeUntil, minimumTier, true, createdAt, at);
    }
}
