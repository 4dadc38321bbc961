package dev.retention.app.webhook;

import dev.retention.api.shared.ReportingSettings;
import dev.retention.domain.metrics.ComputeRetention;
import dev.retention.domain.metrics.CustomerFilter;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.metrics.RetentionFigures;
import dev.retention.domain.metrics.RetentionQuery;
import dev.retention.domain.metrics.Valuation;
import dev.retention.domain.recommendation.RecommendForCustomers;
import dev.retention.domain.risk.ListAtRiskCustomers;
import dev.retention.domain.strategy.ManageStrategies;
import dev.retention.domain.webhook.DispatchWebhooks;
import dev.retention.domain.webhook.ExpiringLots;
import dev.retention.domain.webhook.LatestChurnRate;
import dev.retention.domain.webhook.ManageWebhooks;
import dev.retention.domain.webhook.PruneWebhookLog;
import dev.retention.domain.webhook.RetrySchedule;
import dev.retention.domain.webhook.ScanWebhookSignals;
import dev.retention.domain.webhook.WebhookStore;
import dev.retention.domain.webhook.WebhookTargets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookTargets webhookTargets(WebhookProperties properties) {
        return new WebhookTargets(
                properties.allowHttp(),
                properties.allowLoopback(),
                properties.allowPrivateNetworks(),
                WebhookTargets.systemResolver());
    }

    @Bean
    ManageWebhooks manageWebhooks(WebhookStore store, WebhookTargets targets, Clock clock) {
        return new ManageWebhooks(store, targets, clock);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService webhookSenders(WebhookProperties properties) {
        return Executors.newFixedThreadPool(properties.concurrency(), task -> {
            Thread thread = new Thread(task, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    DispatchWebhooks dispatchWebhooks(
            WebhookStore store,
            WebhookTargets targets,
            WebhookProperties properties,
            ExecutorService webhookSenders,
            Clock clock) {
        return new DispatchWebhooks(
                store,
                new HttpWebhookSender(properties.timeout()),
                targets,
                new RetrySchedule(properties.firstRetry(), properties.longestRetry(), properties.giveUpAfter()),
                webhookSenders,
                properties.batchSize(),
                clock);
    }

    @Bean
    ScanWebhookSignals scanWebhookSignals(
            WebhookStore store,
            ListAtRiskCustomers atRisk,
            ExpiringLots lots,
            ManageStrategies strategies,
            ComputeRetention retention,
            ReportingSettings defaults,
            WebhookProperties properties,
            RecommendForCustomers recommendForCustomers,
            Clock clock) {
        return new ScanWebhookSignals(
                store,
                atRisk,
                properties.atRiskLimit(),
                lots,
                properties.pointsExpiringNotice(),
                strategies,
                until -> new LifecycleQuery(
                        defaults.churnModel(),
                        defaults.activityTypes(),
                        Duration.ofDays(defaults.inactivityDays()),
                        CustomerFilter.ALL,
                        List.of(until)),
                latestChurnRate(retention, defaults),
                recommendForCustomers,
                clock);
    }

    @Bean
    PruneWebhookLog pruneWebhookLog(WebhookStore store, WebhookProperties properties, Clock clock) {
        return new PruneWebhookLog(store, properties.logRetention(), clock);
    }

    /** The latest complete month in the reporting zone, by the reporting defaults, all segments. */
    private static LatestChurnRate latestChurnRate(ComputeRetention retention, ReportingSettings defaults) {
        return now -> {
            YearMonth month = YearMonth.from(now.atZone(defaults.zone())).minusMonths(1);
            LocalDate start = month.atDay(1);
            RetentionQuery query = new RetentionQuery(
                    ReportingPeriods.between(start, month.atEndOfMonth(), Granularity.MONTH, defaults.zone()),
                    defaults.churnModel(),
                    Duration.ofDays(defaults.inactivityDays()),
                    defaults.activityTypes(),
                    null,
                    null,
                    Valuation.DEFAULT);
            RetentionFigures figures = retention.overall(query).totals();
            return Optional.ofNullable(figures.churnRate())
                    .map(rate -> new LatestChurnRate.MonthChurn(
                            start,
                            start.plusMonths(1),
                            defaults.zone().getId(),
                            defaults.churnModel().name(),
                            figures.startCustomers(),
                            figures.churned(),
                            rate));
        };
    }
}
