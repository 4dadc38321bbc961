package dev.retention.domain.metrics;

/** How a customer's active status follows from the events. */
public enum ChurnModel {
    /** Active from acquisition until a CHURNED event; REACTIVATED makes the customer active again. */
    CONTRACTUAL,
    /** Active from acquisition and for a window after every activity event; churned when the window lapses. */
    INACTIVITY
}
