package dev.retention.domain.metrics;

import dev.retention.domain.event.EventType;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A request for retention figures. {@code segment} null means all segments; {@code membership} null means members of
 * the loyalty programme and others alike.
 */
public record RetentionQuery(
        ReportingPeriods periods,
        ChurnModel model,
        Duration inactivityWindow,
        Set<EventType> activityTypes,
        String segment,
        Membership membership,
        Valuation valuation) {

    public RetentionQuery {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(inactivityWindow, "inactivityWindow");
        Objects.requireNonNull(valuation, "valuation");
        activityTypes = Set.copyOf(activityTypes);
    }

    LifecycleQuery lifecycles() {
        return new LifecycleQuery(model, activityTypes, inactivityWindow, filter(), periods.boundaries());
    }

    public CustomerFilter filter() {
        return new CustomerFilter(segment, membership);
    }
}
