package dev.retention.api.shared;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * A counter of committed changes to customers and events in this instance. Cached figures are keyed by it, so a
 * change made here invalidates them at once; changes made through other instances show after the cache's time to
 * live.
 */
@Component
public class DataChanges {

    private final AtomicLong version = new AtomicLong();

    public void changed() {
        version.incrementAndGet();
    }

    public long version() {
        return version.get();
    }
}
