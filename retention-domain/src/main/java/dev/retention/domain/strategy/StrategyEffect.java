package dev.retention.domain.strategy;

/** The effect of a strategy during its window and, once the window has passed, after it (null before). */
public record StrategyEffect(Strategy strategy, WindowEffect during, WindowEffect after) {}
