package dev.retention.domain.prediction;

import java.util.Arrays;
import java.util.Optional;

/** How to rank predictions: the most valuable customers first, or those most likely lost first. */
public enum PredictionOrder {
    CLV("clv"),
    P_ALIVE("pAlive");

    private final String value;

    PredictionOrder(String value) {
        this.value = value;
    }

    /** The name clients use for this order. */
    public String value() {
        return value;
    }

    /** The order a client names, in any letter case. */
    public static Optional<PredictionOrder> fromValue(String value) {
        return Arrays.stream(values())
                .filter(order -> order.value.equalsIgnoreCase(value.trim()))
                .findFirst();
    }
}
