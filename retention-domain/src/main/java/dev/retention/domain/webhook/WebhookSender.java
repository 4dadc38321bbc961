package dev.retention.domain.webhook;

import java.util.Map;

/** Sends one webhook request. */
@FunctionalInterface
public interface WebhookSender {

    /** The receiver's status code; throws {@link java.io.IOException} when no answer came (refused, timed out). */
    int post(String url, Map<String, String> headers, String body) throws java.io.IOException;
}
