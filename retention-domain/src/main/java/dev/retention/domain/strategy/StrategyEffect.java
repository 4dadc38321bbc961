package dev.retention.domain.strategy;

/**
 * The effect of a strategy: nothing before its window starts, the figures during the window (until now while it
 * runs) and, once the window has passed, after it.
 */
public record StrategyEffect(Strategy strategy, WindowState state, WindowEffect during, WindowEffect after) {

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
