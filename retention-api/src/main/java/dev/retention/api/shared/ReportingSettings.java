package dev.retention.api.shared;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.Granularity;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service reports, shared by every report (metrics, cohorts, feedback, strategies, model fits) and set under
 * {@code retention.metrics.*}: the defaults a request can override, and how long answers are kept.
 *
 * @param zone the reporting time zone whose midnights bound the periods
 * @param churnModel the churn model when a request names none
 * @param inactivityDays the INACTIVITY window W in days
 * @param activityTypes the events that keep a customer active under INACTIVITY
 * @param granularity the period length of the summary
 * @param maxAge how long clients may reuse an answer ({@code Cache-Control: max-age})
 * @param cacheTtl how long the service keeps computed answers; committed changes to report data invalidate them at once
 * @param cacheSize how many answers the service keeps
 */
@ConfigurationProperties("retention.metrics")
public record ReportingSettings(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("CONTRACTUAL") ChurnModel churnModel,
        @DefaultValue("90") int inactivityDays,
        @DefaultValue("PURCHASE") Set<EventType> activityTypes,
        @DefaultValue("MONTH") Granularity granularity,
        @DefaultValue("30s") Duration maxAge,
        @DefaultValue("5m") Duration cacheTtl,
        @DefaultValue("1000") long cacheSize) {}
