package dev.retention.domain.event;

/**
 * What happened to a customer. Purchases, refunds and subscriptions carry an amount; a subscription's amount is the
 * customer's monthly recurring amount from the event on, replacing the one before (0 ends the subscription).
 */
public enum EventType {
    ACQUIRED,
    PURCHASE,
    REFUND,
    SUBSCRIPTION,
    CHURNED,
    REACTIVATED,
    LOGIN,
    SUPPORT_CONTACT,
    FEEDBACK;

    public boolean carriesAmount() {
        return this == PURCHASE || this == REFUND || this == SUBSCRIPTION;
    }
}
