package dev.retention.domain.webhook;

/** A new subscription with its signing secret, which is shown this once. */
public record CreatedWebhook(WebhookSubscription subscription, WebhookSecret secret) {}
