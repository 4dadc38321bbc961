package dev.retention.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for the tests: sends JSON, returns status, headers and the parsed body. */
public final class Http {

    /** Decimals are read exactly, with their scale, so tests can check the rounding rule. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String apiKey;

    /** A client that sends {@code apiKey} as bearer token, or no credential if it is null. */
    public Http(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public Http withKey(String otherKey) {
        return new Http(baseUrl, otherKey);
    }

    public Http anonymous() {
        return new Http(baseUrl, null);
    }

    public Response get(String path) {
        return send("GET", path, null, "application/json", Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, "application/json", Map.of());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, "application/json", Map.of());
    }

    public Response patch(String path, Object body, Map<String, String> headers) {
        return send("PATCH", path, body, "application/merge-patch+json", headers);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, "application/json", Map.of());
    }

    public Response postRaw(String path, String body, String contentType) {
        return send("POST", path, body, contentType, Map.of());
    }

    public Response send(String method, String path, Object body, String contentType, Map<String, String> headers) {
        String text = body == null ? null : body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return sendBytes(
                method,
                path,
                text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                contentType,
                headers);
    }

    public Response sendBytes(
            String method, String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null && !headers.containsKey("Authorization") && !headers.containsKey("X-API-Key")) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            SpecValidation.check(method, response.uri(), response);
            return new Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response; {@link #json()} parses the body. */
    public record Response(int status, HttpResponse<String> raw, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
