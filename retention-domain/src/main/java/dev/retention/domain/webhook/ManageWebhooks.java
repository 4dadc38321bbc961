package dev.retention.domain.webhook;

import dev.retention.domain.shared.DecimalDigits;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates, changes and removes webhook subscriptions, and shows and repeats their deliveries. */
public class ManageWebhooks {

    public static final int MAX_URL_LENGTH = 2000;
    public static final int MAX_DESCRIPTION_LENGTH = 200;
    public static final int MAX_SEGMENT_LENGTH = 64;

    private final WebhookStore store;
    private final WebhookTargets targets;
    private final Clock clock;

    public ManageWebhooks(WebhookStore store, WebhookTargets targets, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.clock = clock;
    }

    public CreatedWebhook create(WebhookDraft draft) {
        check(draft);
        Instant now = Instants.now(clock);
        WebhookSubscription subscription = new WebhookSubscription(
                UUID.randomUUID(),
                draft.url(),
                draft.description(),
                draft.kinds(),
                filters(draft),
                draft.active() == null || draft.active(),
                null,
                null,
                now,
                now);
        WebhookSecret secret = WebhookSecret.generate();
        store.add(subscription, secret);
        return new CreatedWebhook(subscription, secret);
    }

    /** Replaces a subscription's settings; making it active again clears why it was stopped. */
    public WebhookSubscription replace(UUID id, WebhookDraft draft) {
        WebhookSubscription existing = find(id);
        check(draft);
        boolean active = draft.active() == null || draft.active();
        WebhookSubscription replaced = new WebhookSubscription(
                id,
                draft.url(),
                draft.description(),
                draft.kinds(),
                filters(draft),
                active,
                active ? null : existing.disabledReason(),
                active ? null : existing.failingSince(),
                existing.createdAt(),
                Instants.now(clock));
        store.update(replaced);
        return replaced;
    }

    public WebhookSubscription find(UUID id) {
        return store.find(id).orElseThrow(() -> new ResourceNotFoundException("webhook", id));
    }

    public Page<WebhookSubscription> list(PageRequest page) {
        return store.list(page);
    }

    public void delete(UUID id) {
        if (!store.delete(id)) {
            throw new ResourceNotFoundException("webhook", id);
        }
    }

    public Page<WebhookDelivery> deliveries(UUID id, WebhookDelivery.Status status, PageRequest page) {
        find(id);
        return store.deliveries(id, status, page);
    }

    public WebhookDelivery delivery(UUID id, UUID deliveryId) {
        find(id);
        return store.delivery(id, deliveryId).orElseThrow(() -> new ResourceNotFoundException("delivery", deliveryId));
    }

    /** Sends a delivery again as soon as the dispatcher runs, with the same webhook-id and a new day of retries. */
    public WebhookDelivery redeliver(UUID id, UUID deliveryId) {
        find(id);
        if (!store.redeliver(id, deliveryId, Instants.now(clock))) {
            throw new ResourceNotFoundException("delivery", deliveryId);
        }
        return delivery(id, deliveryId);
    }

    private static WebhookFilters filters(WebhookDraft draft) {
        return draft.filters() == null ? WebhookFilters.NONE : draft.filters();
    }

    private void check(WebhookDraft draft) {
        List<Violation> violations = new ArrayList<>();
        if (draft.url() == null || draft.url().isBlank()) {
            violations.add(new Violation("url", "is required"));
        } else if (draft.url().length() > MAX_URL_LENGTH) {
            violations.add(new Violation("url", "must be at most " + MAX_URL_LENGTH + " characters"));
        }
        if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION_LENGTH) {
            violations.add(new Violation("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        if (draft.kinds() == null || draft.kinds().isEmpty() || draft.kinds().contains(null)) {
            violations.add(new Violation("kinds", "must name at least one kind, none null"));
        }
        WebhookFilters filters = filters(draft);
        checkFilters(filters, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (draft.kinds().contains(WebhookKind.CUSTOMER_P_ALIVE_BELOW) && filters.probabilityAliveBelow() == null) {
            violations.add(Violation.rule(
                    "filters.probabilityAliveBelow", "is required with the kind customer.p_alive_below"));
        }
        if (draft.kinds().contains(WebhookKind.METRIC_THRESHOLD) && filters.churnRateAbove() == null) {
            violations.add(Violation.rule("filters.churnRateAbove", "is required with the kind metric.threshold"));
        }
        targets.refusalToSave(draft.url()).ifPresent(refusal -> violations.add(Violation.rule("url", refusal)));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static void checkFilters(WebhookFilters filters, List<Violation> violations) {
        if (filters.segment() != null
                && (filters.segment().isBlank() || filters.segment().length() > MAX_SEGMENT_LENGTH)) {
            violations.add(new Violation(
                    "filters.segment", "must not be blank, at most " + MAX_SEGMENT_LENGTH + " characters"));
        }
        BigDecimal minimum = filters.minimumValueAtRisk();
        if (minimum != null) {
            if (minimum.signum() < 0) {
                violations.add(new Violation("filters.minimumValueAtRisk", "must be zero or more"));
            }
            addIfPresent(violations, DecimalDigits.violation("filters.minimumValueAtRisk", minimum, 15, 4));
        }
        Double probability = filters.probabilityAliveBelow();
        if (probability != null && !(probability > 0 && probability <= 1)) {
            violations.add(new Violation("filters.probabilityAliveBelow", "must be above 0 and at most 1"));
        }
        BigDecimal churnRate = filters.churnRateAbove();
        if (churnRate != null) {
            if (churnRate.signum() < 0 || churnRate.compareTo(BigDecimal.valueOf(100)) >= 0) {
                violations.add(new Violation("filters.churnRateAbove", "must be a percentage from 0 to below 100"));
            }
            addIfPresent(violations, DecimalDigits.violation("filters.churnRateAbove", churnRate, 3, 4));
        }
    }

    private static void addIfPresent(List<Violation> violations, Violation violation) {
        if (violation != null) {
            violations.add(violation);
        }
    }
}
