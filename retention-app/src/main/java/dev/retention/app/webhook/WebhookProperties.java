package dev.retention.app.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhooks under {@code retention.webhooks.*}.
 *
 * @param allowHttp let subscriptions use plain http URLs (for tests and closed networks)
 * @param allowLoopback let URLs resolve to the loopback interface (for tests)
 * @param allowPrivateNetworks let URLs resolve to private, shared and link-local addresses (receivers inside the
 *     deployment's own network)
 * @param dispatchInterval how long the dispatcher of each instance waits after a round that found nothing to do
 * @param batchSize signals taken and deliveries attempted per round
 * @param concurrency deliveries sent at once by one instance
 * @param timeout how long a receiver may take to answer
 * @param firstRetry the wait after the first failed attempt; it doubles with each further one
 * @param longestRetry the longest wait between two attempts
 * @param giveUpAfter how long a delivery is retried, and how long a subscription may fail before it is stopped
 * @param scanInterval how often the scan looks for at-risk customers, expiring points, strategy verdicts and the
 *     churn rate
 * @param atRiskLimit how many customers of the at-risk list (highest value at risk first) the scan watches
 * @param pointsExpiringNotice how long before their expiry points are announced
 * @param logRetention how long delivered and given-up deliveries stay in the delivery log
 */
@ConfigurationProperties("retention.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue("1s") Duration dispatchInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("8") int concurrency,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("5s") Duration firstRetry,
        @DefaultValue("1h") Duration longestRetry,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("15m") Duration scanInterval,
        @DefaultValue("500") int atRiskLimit,
        @DefaultValue("7d") Duration pointsExpiringNotice,
        @DefaultValue("30d") Duration logRetention) {}
