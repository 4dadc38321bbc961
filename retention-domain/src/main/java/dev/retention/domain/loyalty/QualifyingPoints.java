package dev.retention.domain.loyalty;

import java.time.Instant;

/** Base points that count towards a tier, at the time of the purchase or refund that moved them. */
public record QualifyingPoints(Instant at, long points) {}
