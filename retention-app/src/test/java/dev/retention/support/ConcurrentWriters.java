package dev.retention.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Several clients posting event batches at the same moment, each on its own thread. */
public final class ConcurrentWriters {

    private ConcurrentWriters() {}

    /** Splits the events into {@code writers} equal batches, posts them at once, and expects every one stored. */
    public static void postAtOnce(Http http, List<Map<String, Object>> events, int writers) throws Exception {
        int size = events.size() / writers;
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            List<Map<String, Object>> batch = events.subList(w * size, (w + 1) * size);
            posts.add(() ->
                    http.post("/api/v1/events:batch", Map.of("events", batch)).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
    }
}
