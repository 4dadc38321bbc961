package dev.retention.domain.metrics;

import java.util.function.Consumer;

/** The lifecycles of all customers, streamed: one customer at a time, never all events in memory. */
public interface CustomerLifecycles {

    void forEach(LifecycleQuery query, Consumer<Lifecycle> consumer);
}
