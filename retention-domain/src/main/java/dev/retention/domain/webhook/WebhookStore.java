package dev.retention.domain.webhook;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where subscriptions, the outbox of signals and the deliveries are kept. */
public interface WebhookStore {

    void add(WebhookSubscription subscription, WebhookSecret secret);

    Optional<WebhookSubscription> find(UUID id);

    /** Newest first. */
    Page<WebhookSubscription> list(PageRequest page);

    /** Replaces everything but the id, the secret and the creation time. */
    void update(WebhookSubscription subscription);

    /** False when there was no such subscription. */
    boolean delete(UUID id);

    /** The delivery log of a subscription, newest signal first; {@code status} null for all. */
    Page<WebhookDelivery> deliveries(UUID subscriptionId, WebhookDelivery.Status status, PageRequest page);

    Optional<WebhookDelivery> delivery(UUID subscriptionId, UUID deliveryId);

    /** Queues a delivery again, now, with a fresh day of retries; false when there is no such delivery. */
    boolean redeliver(UUID subscriptionId, UUID deliveryId, Instant now);

    /**
     * Turns up to {@code limit} signals of the outbox, oldest first, into one pending delivery per active subscription
     * that wants their kind and whose filters they pass; returns how many signals were taken.
     */
    int fanOut(int limit, Instant now);

    /**
     * Takes up to {@code limit} due deliveries of active subscriptions for {@code lease}: no other instance takes them
     * meanwhile, and if this one stops before recording the outcome they fall due again when the lease ends.
     */
    List<DueDelivery> claim(int limit, Duration lease, Instant now);

    void recordSuccess(DueDelivery delivery, int statusCode, Instant at);

    /**
     * Records a failed attempt: the delivery is tried again at {@code nextAttemptAt}, or given up when that is null;
     * the subscription is marked failing since {@code at} unless it already was, and stopped with {@code stopReason}
     * when that is not null.
     */
    void recordFailure(
            DueDelivery delivery,
            Integer statusCode,
            String error,
            Instant at,
            Instant nextAttemptAt,
            String stopReason);

    /** Whether some active subscription wants this kind. */
    boolean anyoneWants(WebhookKind kind);

    /** The active subscriptions that want this kind. */
    List<WebhookSubscription> wanting(WebhookKind kind);

    /**
     * Raises a signal unless one with the same kind and subject was announced before (and not forgotten since), and
     * remembers it, in one transaction; true when it was raised. {@code subscriptionId} null for every subscription.
     */
    boolean announce(WebhookKind kind, String subject, UUID subscriptionId, Map<String, Object> data);

    /** Which of these subjects were announced with this kind (and not forgotten since). */
    Set<String> announced(WebhookKind kind, Collection<String> subjects);

    /** Forgets what was announced of this kind about subjects other than {@code kept}; returns how many. */
    int forgetExcept(WebhookKind kind, Collection<String> kept);

    /** Removes signals turned into deliveries before {@code before}; returns how many. */
    int pruneSignals(Instant before);

    /** Removes deliveries delivered or given up, of signals raised before {@code before}; returns how many. */
    int pruneDeliveries(Instant before);

    /** A delivery taken for an attempt, with what the attempt needs of its subscription. */
    record DueDelivery(
            UUID id,
            UUID subscriptionId,
            String url,
            WebhookSecret secret,
            WebhookKind kind,
            String data,
            Instant raisedAt,
            int attempts,
            Instant retryFrom,
            Instant failingSince) {}
}
