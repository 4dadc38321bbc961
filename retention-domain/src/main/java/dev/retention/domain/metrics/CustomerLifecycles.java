package dev.retention.domain.metrics;

/** The lifecycles of all customers, streamed: one at a time, never all events in memory. */
public interface CustomerLifecycles {

    /**
     * Hands every customer's lifecycle to the sink. Customers whose lifecycles no boundary of the query tells
     * apart may be handed over together, as one lifecycle and their number. When the query's filter names a
     * membership, every customer is handed over, with when it enrolled ({@link Lifecycle#memberSince()}).
     */
    void forEach(LifecycleQuery query, LifecycleSink sink);
}
