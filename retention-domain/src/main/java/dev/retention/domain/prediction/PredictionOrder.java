package dev.retention.domain.prediction;

/** How to rank predictions: the most valuable customers first, or those most likely lost first. */
public enum PredictionOrder {
    CLV,
    P_ALIVE
}
