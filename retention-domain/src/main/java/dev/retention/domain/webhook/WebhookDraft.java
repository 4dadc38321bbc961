package dev.retention.domain.webhook;

import java.util.Set;

/** What a client sends to create or replace a subscription; {@code active} null means true. */
public record WebhookDraft(
        String url, String description, Set<WebhookKind> kinds, WebhookFilters filters, Boolean active) {}
