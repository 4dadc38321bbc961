package dev.retention.domain.webhook;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A receiver of webhook messages: where they go, which kinds, with which filters, and whether deliveries are
 * running. {@code failingSince} is when its deliveries started failing without a success since; after a day of
 * that the subscription is stopped ({@code active} false) and {@code disabledReason} says why.
 */
public record WebhookSubscription(
        UUID id,
        String url,
        String description,
        Set<WebhookKind> kinds,
        WebhookFilters filters,
        boolean active,
        String disabledReason,
        Instant failingSince,
        Instant createdAt,
        Instant updatedAt) {

    public WebhookSubscription {
        kinds = Set.copyOf(kinds);
    }
}
