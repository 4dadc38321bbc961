package dev.retention.domain.revenue;

import java.time.Instant;
import java.util.function.Consumer;

/** The customers' subscription changes, from the stored SUBSCRIPTION events. */
public interface SubscriptionHistories {

    /** Hands every customer with a change before {@code end} over once, of {@code segment} only when not null. */
    void forEach(Instant end, String segment, Consumer<CustomerSubscriptions> sink);
}
