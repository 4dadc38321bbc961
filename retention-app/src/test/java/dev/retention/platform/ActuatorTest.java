package dev.retention.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActuatorTest extends ApiTest {

    @Test
    void livenessAndReadinessAreUpWithTheDatabase() {
        assertThat(http.get("/actuator/health/liveness").json().get("status").asString())
                .isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").json().get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusCountsIngestedEventsByType() {
        String before = http.get("/actuator/prometheus").body();
        double purchasesBefore = counter(before, "PURCHASE");
        http.post(
                "/api/v1/events:batch",
                Map.of(
                        "events",
                        List.of(
                                Map.of(
                                        "externalId",
                                        "crm-1",
                                        "createCustomer",
                                        true,
                                        "type",
                                        "PURCHASE",
                                        "occurredAt",
                                        "2026-01-02T10:00:00Z",
                                        "amount",
                                        5,
                                        "currency",
                                        "EUR",
                                        "eventKey",
                                        "o-1"),
                                Map.of(
                                        "externalId",
                                        "crm-1",
                                        "type",
                                        "PURCHASE",
                                        "occurredAt",
                                        "2026-01-03T10:00:00Z",
                                        "amount",
                                        7,
                                        "currency",
                                        "EUR",
                                        "eventKey",
                                        "o-2"),
                                Map.of(
                                        "externalId",
                                        "crm-1",
                                        "type",
                                        "LOGIN",
                                        "occurredAt",
                                        "2026-01-03T11:00:00Z",
                                        "eventKey",
                                        "l-1"))));

        String after = http.get("/actuator/prometheus").body();

        assertThat(counter(after, "PURCHASE") - purchasesBefore).isEqualTo(2.0);
        assertThat(after).contains("retention_events_ingested_total{type=\"LOGIN\"}");
    }

    @Test
    void requestsAreTimedWithoutTimingEverySecurityFilter() {
        http.get("/api/v1/customers");

        String exposition = http.get("/actuator/prometheus").body();

        assertThat(exposition).contains("http_server_requests_seconds_count{");
        assertThat(exposition).doesNotContain("spring_security_");
    }

    private static double counter(String exposition, String type) {
        String prefix = "retention_events_ingested_total{type=\"" + type + "\"} ";
        return exposition
                .lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(prefix.length()).trim()))
                .findFirst()
                .orElse(0.0);
    }
}
