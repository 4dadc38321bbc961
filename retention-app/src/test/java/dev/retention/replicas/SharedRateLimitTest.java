package dev.retention.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http;
import dev.retention.support.SecondInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A credential's rate limit holds for the whole deployment: its requests spread over two instances draw from one
 * bucket, kept in the database.
 */
class SharedRateLimitTest extends ApiTest {

    private static final int CAPACITY = 100;
    private static final Map<String, String> LIMIT = Map.of(
            "retention.rate-limit.enabled", "true",
            "retention.rate-limit.capacity", Integer.toString(CAPACITY),
            "retention.rate-limit.per-second", "1");

    @DynamicPropertySource
    static void limited(DynamicPropertyRegistry registry) {
        LIMIT.forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void threeHundredRequestsOverTwoInstancesGetTheCapacityOfOneBucketThrough() {
        try (SecondInstance other = SecondInstance.start(LIMIT)) {
            String key = http.post(
                            "/api/v1/admin/api-keys", Map.of("name", "poller", "scopes", List.of("customers:read")))
                    .json()
                    .get("key")
                    .asString();
            List<Http> instances = List.of(http.withKey(key), other.http().withKey(key));
            long began = System.nanoTime();
            int passed = 0;
            int limited = 0;
            for (int request = 0; request < 300; request++) {
                int status = instances
                        .get(request % 2)
                        .get("/api/v1/customers?size=1")
                        .status();
                if (status == 200) {
                    passed++;
                } else if (status == 429) {
                    limited++;
                }
            }
            long refilled = (System.nanoTime() - began) / 1_000_000_000L + 1;

            assertThat(passed + limited).isEqualTo(300);
            assertThat(passed).isBetween(CAPACITY, CAPACITY + (int) refilled);
        }
    }
}
