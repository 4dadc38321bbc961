package dev.retention.domain.strategy;

/** How the action reaches the customer. */
public enum StrategyChannel {
    EMAIL,
    SMS,
    APP_PUSH,
    PHONE,
    IN_STORE
}
