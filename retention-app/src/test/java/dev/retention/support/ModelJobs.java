package dev.retention.support;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Waits for a queued model fit to finish, polling its status as a client would. */
public final class ModelJobs {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private ModelJobs() {}

    public static JsonNode awaitFinished(Http http, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode model = http.get("/api/v1/models/clv/" + id).json();
            String status = model.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return model;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("model " + id + " did not finish within " + TIMEOUT.toSeconds() + " s");
    }

    /** Polls a comparison of purchase models until every one of its fits succeeded or failed. */
    public static JsonNode awaitComparison(Http http, String location) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode comparison = http.get(location).json();
            if (comparison.get("finished").asBoolean()) {
                return comparison;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("comparison " + location + " did not finish within " + TIMEOUT.toSeconds() + " s");
    }
}
