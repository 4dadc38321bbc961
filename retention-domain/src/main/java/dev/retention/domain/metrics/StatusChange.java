package dev.retention.domain.metrics;

import dev.retention.domain.event.EventType;
import java.time.Instant;

/** An event that may change a customer's status, reduced to what the lifecycle needs. */
public record StatusChange(Instant at, EventType type) {}
