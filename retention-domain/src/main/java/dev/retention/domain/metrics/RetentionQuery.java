package dev.retention.domain.metrics;

import dev.retention.domain.event.EventType;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** A request for retention figures. {@code segment} null means all customers. */
public record RetentionQuery(
        ReportingPeriods periods,
        ChurnModel model,
        Duration inactivityWindow,
        Set<EventType> activityTypes,
        String segment,
        Valuation valuation) {

    public RetentionQuery {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(inactivityWindow, "inactivityWindow");
        Objects.requireNonNull(valuation, "valuation");
        activityTypes = Set.copyOf(activityTypes);
    }

    LifecycleQuery lifecycles() {
        return new LifecycleQuery(model, activityTypes, inactivityWindow, segment, periods.boundaries());
    }
}
