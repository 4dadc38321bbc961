package dev.retention.api.shared;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.Granularity;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.context.annotation.Bean;

/** The reporting settings a service has when nothing is configured, for the slice tests that import it. */
public class DefaultReportingSettings {

    @Bean
    ReportingSettings reportingSettings() {
        return new ReportingSettings(
                ZoneId.of("UTC"),
                ChurnModel.CONTRACTUAL,
                90,
                Set.of(EventType.PURCHASE),
                Granularity.MONTH,
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                1000);
    }
}
