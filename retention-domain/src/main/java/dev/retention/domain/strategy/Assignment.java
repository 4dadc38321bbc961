package dev.retention.domain.strategy;

import java.time.Instant;
import java.util.UUID;

/** A targeted customer and its side of the experiment, fixed at activation. */
public record Assignment(UUID strategyId, UUID customerId, Group group, Instant assignedAt) {}
