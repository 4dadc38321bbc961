package dev.retention.domain.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * One append-only change of a balance: {@code points} (negative for deductions), the balance after it, and what it
 * was: the event that earned or clawed back, the redemption, the expired lot, or the reason of an adjustment.
 * {@code qualifyingPoints} are the base points it adds to (or, for a clawback, takes from) the rolling 12 months that
 * set the tier; {@code shortfall} the points a clawback could not take.
 */
public record LedgerEntry(
        UUID id,
        UUID customerId,
        LedgerEntryType type,
        long points,
        long balanceAfter,
        long qualifyingPoints,
        long shortfall,
        Instant occurredAt,
        Instant recordedAt,
        UUID eventId,
        UUID redemptionId,
        UUID lotId,
        String reason) {}
