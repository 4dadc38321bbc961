package dev.retention.domain.event;

/** What happened to a customer. Only purchases and refunds carry an amount. */
public enum EventType {
    ACQUIRED,
    PURCHASE,
    REFUND,
    CHURNED,
    REACTIVATED,
    LOGIN,
    SUPPORT_CONTACT,
    FEEDBACK;

    public boolean carriesAmount() {
        return this == PURCHASE || this == REFUND;
    }
}
