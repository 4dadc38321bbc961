package dev.retention.domain.loyalty;

import java.math.BigDecimal;

/**
 * A membership tier: reached with {@code qualifyingPoints} base points over the rolling 12 months, it multiplies the
 * points a purchase earns by {@code multiplier}.
 */
public record Tier(String name, long qualifyingPoints, BigDecimal multiplier) {}
