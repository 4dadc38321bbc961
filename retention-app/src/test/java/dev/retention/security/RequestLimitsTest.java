package dev.retention.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLimitsTest extends ApiTest {

    @Test
    void aBodyAboveEightMegabytesIs413() {
        String huge = "{\"events\": [" + "{\"type\": \"LOGIN\"},".repeat(600_000) + "{}]}";

        Response response = http.postRaw("/api/v1/events:batch", huge, "application/json");

        assertThat(huge.length()).isGreaterThan(8 * 1024 * 1024);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIs413() throws Exception {
        // Many small items just past the limit, so that no other limit trips first and the client has sent
        // everything when the service answers.
        String item = "{\"type\":\"LOGIN\"},";
        int items = (8 * 1024 * 1024 + 100) / item.length();
        byte[] body = ("{\"events\":[" + item.repeat(items) + "{}]}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events:batch"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(body.length).isGreaterThan(8 * 1024 * 1024);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(count("customer_event")).isZero();
    }

    @Test
    void deepNestingIsRefusedWith400() {
        String deep = "{\"type\": \"LOGIN\", \"properties\": {\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}}";

        Response response = http.postRaw("/api/v1/events:batch", "{\"events\": [" + deep + "]}", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).endsWith("/json-limit-exceeded");
        assertThat(response.body()).doesNotContain("StreamReadConstraints");
        assertThat(count("customer_event")).isZero();
    }

    @Test
    void hugeStringsAndNumbersAreRefusedWith400() {
        Response longId = http.post("/api/v1/customers", Map.of("externalId", "x".repeat(2_000_000)));
        Response longNumber = http.postRaw(
                "/api/v1/customers/5f0c9a8e-0b7e-4c57-9f55-0e4a7c1d2b3a/events",
                "{\"type\": \"PURCHASE\", \"amount\": 1" + "0".repeat(10_000) + "}",
                "application/json");
        Response hugePage = http.get("/api/v1/customers?size=999999999999");

        assertThat(longId.status()).isEqualTo(400);
        assertThat(longNumber.status()).isIn(400, 404);
        assertThat(hugePage.status()).isEqualTo(400);
        assertThat(count("customer")).isZero();
    }

    @Test
    void aTooLongExternalIdIsNamed() {
        Response response = http.post("/api/v1/customers", Map.of("externalId", "x".repeat(129)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("externalId");
    }
}
