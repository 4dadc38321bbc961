package dev.retention.api.shared;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * A counter of committed changes to report data seen by this instance. Cached reports are keyed by it, so a change
 * invalidates them at once. It is advanced after every committed transaction that the database marked as changing
 * report data, whichever write path made it.
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
