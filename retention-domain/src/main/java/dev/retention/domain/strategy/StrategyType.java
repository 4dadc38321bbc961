package dev.retention.domain.strategy;

/** The five families of retention strategy. */
public enum StrategyType {
    EXPERIENCE,
    COMMUNICATION_FEEDBACK,
    PERSONALISED_MARKETING,
    LOYALTY_REWARDS,
    SERVICE_QUALITY
}
