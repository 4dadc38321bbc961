package dev.retention.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.BatchEvents;
import dev.retention.support.Http.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Retention of loyalty members against everyone else, by the metrics engine's rules, computed by hand. */
class LoyaltyRetentionTest extends ApiTest {

    private static final String Q1 =
            "/api/v1/metrics/retention?from=2026-01-01&to=2026-04-01&granularity=MONTH" + "&churnModel=CONTRACTUAL";

    private final BatchEvents events = new BatchEvents();

    private void event(String customer, String type, String at, String amount) {
        events.add(customer, type, at, amount);
    }

    /**
     * Enrols through the API, then moves the enrolment into the past: the API enrols at the present moment only, and
     * these histories need a programme that has been running for a while.
     */
    private void enrolAt(String externalId, String enrolledAt) {
        String id = http.get("/api/v1/customers?externalId=" + externalId)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        assertThat(http.post("/api/v1/loyalty/accounts/" + id, Map.of()).status())
                .isEqualTo(201);
        jdbc.update(
                "update loyalty_account set enrolled_at = ?::timestamptz where customer_id = ?::uuid", enrolledAt, id);
    }

    private void programme() {
        assertThat(http.post(
                                "/api/v1/loyalty/programme/versions",
                                Map.of(
                                        "pointsPerUnit",
                                        "1",
                                        "tiers",
                                        List.of(Map.of("name", "Green", "qualifyingPoints", 0, "multiplier", "1"))))
                        .status())
                .isEqualTo(201);
    }

    private static List<Long> startEndNew(JsonNode period) {
        return List.of(
                period.get("startCustomers").asLong(),
                period.get("endCustomers").asLong(),
                period.get("newCustomers").asLong());
    }

    /**
     * By hand, months of Q1 2026 (members: enrolled before the month starts). A member throughout; D member, churns
     * January 20; E joins February 15, so it counts as a member from March only; B new in January and C churning
     * February 10 never join. Members: January S {A, D} E {A} revenue 100; February S {A} E {A}; March S {A, E} E
     * {A, E} revenue 30. Others: January S {E, C} E {E, C, B} N {B} revenue 10; February S {E, B, C} E {E, B}
     * revenue 70; March S {B} E {B}.
     */
    @Test
    void aCustomerCountsAsAMemberFromThePeriodAfterItJoined() {
        programme();
        event("A", "ACQUIRED", "2025-12-01T00:00:00Z", null);
        event("A", "PURCHASE", "2026-01-10T00:00:00Z", "100.00");
        event("D", "ACQUIRED", "2025-10-01T00:00:00Z", null);
        event("D", "CHURNED", "2026-01-20T00:00:00Z", null);
        event("E", "ACQUIRED", "2025-11-01T00:00:00Z", null);
        event("E", "PURCHASE", "2026-01-05T00:00:00Z", "10.00");
        event("E", "PURCHASE", "2026-02-20T00:00:00Z", "20.00");
        event("E", "PURCHASE", "2026-03-05T00:00:00Z", "30.00");
        event("B", "ACQUIRED", "2026-01-15T00:00:00Z", null);
        event("B", "PURCHASE", "2026-02-10T00:00:00Z", "50.00");
        event("C", "ACQUIRED", "2025-11-01T00:00:00Z", null);
        event("C", "CHURNED", "2026-02-10T00:00:00Z", null);
        assertThat(http.post("/api/v1/events:batch", events.body()).status()).isEqualTo(200);
        enrolAt("A", "2025-12-15T00:00:00Z");
        enrolAt("D", "2025-11-01T00:00:00Z");
        enrolAt("E", "2026-02-15T00:00:00Z");

        Response members = http.get(Q1 + "&loyalty=MEMBER");
        Response others = http.get(Q1 + "&loyalty=NON_MEMBER");
        Response everyone = http.get(Q1);

        assertThat(members.status()).as(members.toString()).isEqualTo(200);
        JsonNode m = members.json().get("periods");
        JsonNode o = others.json().get("periods");
        JsonNode all = everyone.json().get("periods");
        assertThat(startEndNew(m.get(0))).containsExactly(2L, 1L, 0L);
        assertThat(startEndNew(m.get(1))).containsExactly(1L, 1L, 0L);
        assertThat(startEndNew(m.get(2))).containsExactly(2L, 2L, 0L);
        assertThat(startEndNew(o.get(0))).containsExactly(2L, 3L, 1L);
        assertThat(startEndNew(o.get(1))).containsExactly(3L, 2L, 0L);
        assertThat(startEndNew(o.get(2))).containsExactly(1L, 1L, 0L);
        assertThat(m.get(0).get("churnRate").decimalValue()).isEqualByComparingTo("50");
        assertThat(m.get(2).get("crr").decimalValue()).isEqualByComparingTo("100");
        assertThat(o.get(1).get("churnRate").decimalValue()).isEqualByComparingTo("33.3333");
        assertThat(m.get(0).get("revenue").decimalValue()).isEqualByComparingTo("100");
        assertThat(m.get(1).get("revenue").decimalValue()).isZero();
        assertThat(m.get(2).get("revenue").decimalValue()).isEqualByComparingTo("30");
        assertThat(o.get(0).get("revenue").decimalValue()).isEqualByComparingTo("10");
        assertThat(o.get(1).get("revenue").decimalValue()).isEqualByComparingTo("70");
        assertThat(o.get(2).get("revenue").decimalValue()).isZero();
        // The range as one period: membership at its start, so A and D are the members, E, B and C the others.
        assertThat(startEndNew(members.json().get("totals"))).containsExactly(2L, 1L, 0L);
        assertThat(startEndNew(others.json().get("totals"))).containsExactly(2L, 2L, 1L);
        for (int i = 0; i < 3; i++) {
            for (String figure :
                    List.of("startCustomers", "endCustomers", "newCustomers", "churned", "retained", "reactivated")) {
                assertThat(m.get(i).get(figure).asLong() + o.get(i).get(figure).asLong())
                        .as(figure + " " + i)
                        .isEqualTo(all.get(i).get(figure).asLong());
            }
            assertThat(m.get(i)
                            .get("revenue")
                            .decimalValue()
                            .add(o.get(i).get("revenue").decimalValue()))
                    .isEqualByComparingTo(all.get(i).get("revenue").decimalValue());
        }
        assertThat(http.get(Q1 + "&loyalty=SOMETIMES").status()).isEqualTo(400);

        // Without contracts (every customer read event by event), 90 days: D lapsed on December 30 and C on January
        // 30, E and A stay active. January members {A, D}: S {A} E {A}; others {E, B, C}: S {E, C} E {E, B} N {B};
        // March members {A, D, E}: S {A, E} E {A, E}.
        String inactivity = Q1.replace("CONTRACTUAL", "INACTIVITY") + "&inactivityDays=90&loyalty=";
        JsonNode mi = http.get(inactivity + "MEMBER").json().get("periods");
        JsonNode oi = http.get(inactivity + "NON_MEMBER").json().get("periods");
        assertThat(startEndNew(mi.get(0))).containsExactly(1L, 1L, 0L);
        assertThat(startEndNew(oi.get(0))).containsExactly(2L, 2L, 1L);
        assertThat(startEndNew(mi.get(2))).containsExactly(2L, 2L, 0L);

        // The segment view follows the same rule (all five customers are without a segment).
        JsonNode bySegment = http.get(Q1.replace("/retention?", "/retention/segments?") + "&loyalty=MEMBER")
                .json()
                .get("segments");
        assertThat(bySegment).hasSize(1);
        assertThat(startEndNew(bySegment.get(0).get("periods").get(0))).containsExactly(2L, 1L, 0L);
        assertThat(bySegment.get(0).get("periods").get(2).get("revenue").decimalValue())
                .isEqualByComparingTo("30");
    }

    /** Cohorts fix a customer's group at the start of the period after its acquisition period. */
    @Test
    void aCohortCustomerIsAMemberIfItJoinedBeforeItsSecondPeriod() {
        event("A", "ACQUIRED", "2025-12-01T00:00:00Z", null); // joins December 15: member of the December cohort
        event("E", "ACQUIRED", "2025-11-01T00:00:00Z", null); // joins February 15: not in the November cohort
        event("C", "ACQUIRED", "2025-11-03T00:00:00Z", null); // never joins
        assertThat(http.post("/api/v1/events:batch", events.body()).status()).isEqualTo(200);
        programme();
        enrolAt("A", "2025-12-15T00:00:00Z");
        enrolAt("E", "2026-02-15T00:00:00Z");
        String cohorts = "/api/v1/metrics/cohorts?from=2025-11-01&to=2026-02-01&churnModel=CONTRACTUAL&loyalty=";

        JsonNode members = http.get(cohorts + "MEMBER").json().get("cohorts");
        JsonNode others = http.get(cohorts + "NON_MEMBER").json().get("cohorts");

        assertThat(members.valueStream().map(c -> c.get("size").asLong()).toList())
                .containsExactly(0L, 1L, 0L);
        assertThat(others.valueStream().map(c -> c.get("size").asLong()).toList())
                .containsExactly(2L, 0L, 0L);
    }
}
