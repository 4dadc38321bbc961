package dev.retention.api.metrics;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.ChurnModel;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults of the metrics endpoints ({@code retention.metrics.*}).
 *
 * @param zone the reporting time zone whose midnights bound the periods
 * @param churnModel the churn model when a request names none
 * @param inactivityDays the INACTIVITY window W in days
 * @param activityTypes the events that keep a customer active under INACTIVITY
 */
@ConfigurationProperties("retention.metrics")
public record MetricsDefaults(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("CONTRACTUAL") ChurnModel churnModel,
        @DefaultValue("90") int inactivityDays,
        @DefaultValue("PURCHASE") Set<EventType> activityTypes) {}
