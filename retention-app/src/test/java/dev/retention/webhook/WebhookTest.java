package dev.retention.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.webhook.DispatchWebhooks;
import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the webhook tests: receivers on localhost allowed, retries within milliseconds, and the scheduled
 * dispatcher and scan slowed to once an hour, so that each test drives the rounds itself.
 */
@TestPropertySource(
        properties = {
            "retention.webhooks.allow-http=true",
            "retention.webhooks.allow-loopback=true",
            "retention.webhooks.dispatch-interval=1h",
            "retention.webhooks.scan-interval=1h",
            "retention.webhooks.first-retry=20ms",
            "retention.webhooks.longest-retry=80ms",
            "retention.webhooks.timeout=2s"
        })
abstract class WebhookTest extends ApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DispatchWebhooks dispatch;

    JsonNode subscribe(String url, List<String> kinds, Map<String, Object> filters) {
        Map<String, Object> body = new HashMap<>(Map.of("url", url, "kinds", kinds, "description", "test receiver"));
        if (filters != null) {
            body.put("filters", filters);
        }
        Response created = http.post("/api/v1/webhooks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Runs dispatcher rounds until nothing is pending for an active subscription (or ten seconds pass). */
    void deliverAll() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            dispatch.runOnce();
            if (count("webhook_signal where fanned_out_at is null") == 0
                    && count("webhook_delivery d join webhook_subscription w on w.id = d.subscription_id"
                                    + " where d.status = 'PENDING' and w.active")
                            == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("deliveries still pending after 10 s");
    }

    /** The messages a receiver acknowledged, as "type externalId" (or "type" alone), sorted. */
    static List<String> acknowledged(Receiver receiver) {
        return receiver.requests().stream()
                .filter(Receiver.Request::acknowledged)
                .map(request -> JSON.readTree(request.body()))
                .map(message -> message.get("type").asString()
                        + (message.get("data").has("externalId")
                                ? " " + message.get("data").get("externalId").asString()
                                : ""))
                .sorted()
                .toList();
    }
}
