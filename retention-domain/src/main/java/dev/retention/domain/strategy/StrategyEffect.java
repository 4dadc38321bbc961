package dev.retention.domain.strategy;

/**
 * The effect of a strategy: nothing before its window starts, the figures during the window (until now while it
 * runs) and, once the window has passed, after it; for a strategy that attached recommendations, how many treated
 * customers bought one of theirs.
 */
public record StrategyEffect(
        Strategy strategy,
        WindowState state,
        WindowEffect during,
        WindowEffect after,
        RecommendationUptake recommendationUptake) {

    /**
     * Treated customers who were recommended products, and those of them who bought at least one of their
     * recommended products from activation until now.
     */
    public record RecommendationUptake(long customersWithRecommendations, long boughtARecommendedProduct) {

        /** The share who bought one; null when nobody was recommended anything. */
        public Double share() {
            return customersWithRecommendations == 0
                    ? null
                    : (double) boughtARecommendedProduct / customersWithRecommendations;
        }
    }

    /** Where now lies against the strategy's window. */
    public enum WindowState {
        /** Now is before the window's start: nothing to measure yet. */
        NOT_STARTED,
        /** The window is open: figures run from its start to now. */
        RUNNING,
        /** The window has closed: figures during it, and after it until now. */
        ENDED
    }
}
