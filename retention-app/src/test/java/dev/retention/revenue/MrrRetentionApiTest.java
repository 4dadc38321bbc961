package dev.retention.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.BatchEvents;
import dev.retention.support.Http.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * MRR retention over HTTP, from SUBSCRIPTION events stored through the batch endpoint, against figures worked out
 * by hand; every answer also keeps the movements identity.
 */
class MrrRetentionApiTest extends ApiTest {

    private static final String FEBRUARY_TO_APRIL = "/api/v1/metrics/mrr?from=2026-02-01&to=2026-05-01";

    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    private void store(BatchEvents events) {
        Response stored = http.post("/api/v1/events:batch", events.body());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
    }

    /*
     * MRR at the boundaries (a change counts from its instant on):
     *            1 Feb   1 Mar   1 Apr   1 May
     *   A          100     100     150     150    expansion in March
     *   B           50       0       0      60    churned in February, reactivated in April
     *   C            0      80      80      40    new in February (at 1 February 00:00), contraction in April
     *   D            0       0       0      25    subscribed and cancelled within March: reactivated in April
     *   E           30      30      30      30    a purchase of 500 in March is no MRR
     *   total      180     210     260     305
     */
    private void subscriptions() {
        BatchEvents events = new BatchEvents();
        events.add("A", "SUBSCRIPTION", "2026-01-10T09:00:00Z", "100");
        events.add("A", "SUBSCRIPTION", "2026-03-15T09:00:00Z", "150");
        events.add("B", "SUBSCRIPTION", "2026-01-05T09:00:00Z", "50");
        events.add("B", "SUBSCRIPTION", "2026-02-20T09:00:00Z", "0");
        events.add("B", "SUBSCRIPTION", "2026-04-02T09:00:00Z", "60");
        events.add("C", "SUBSCRIPTION", "2026-02-01T00:00:00Z", "80");
        events.add("C", "SUBSCRIPTION", "2026-04-30T09:00:00Z", "40");
        events.add("D", "SUBSCRIPTION", "2026-03-03T09:00:00Z", "20");
        events.add("D", "SUBSCRIPTION", "2026-03-20T09:00:00Z", "0");
        events.add("D", "SUBSCRIPTION", "2026-04-10T09:00:00Z", "25");
        events.add("E", "SUBSCRIPTION", "2026-01-01T00:00:00Z", "30");
        events.add("E", "PURCHASE", "2026-03-10T09:00:00Z", "500");
        store(events);
    }

    private static void assertMovement(JsonNode period, String movement, long customers, String amount) {
        assertThat(period.get("movements").get(movement).get("customers").asLong())
                .as(movement)
                .isEqualTo(customers);
        assertThat(decimal(period.get("movements").get(movement).get("amount")))
                .as(movement)
                .isEqualByComparingTo(amount);
    }

    /** mrr − comparedMrr = new + expansion + reactivated − contraction − churned, in every period. */
    private static void assertIdentity(JsonNode answer) {
        for (JsonNode period : answer.get("periods")) {
            JsonNode movements = period.get("movements");
            BigDecimal moved = decimal(movements.get("newMrr").get("amount"))
                    .add(decimal(movements.get("expansion").get("amount")))
                    .add(decimal(movements.get("reactivated").get("amount")))
                    .subtract(decimal(movements.get("contraction").get("amount")))
                    .subtract(decimal(movements.get("churned").get("amount")));
            assertThat(decimal(period.get("mrr")).subtract(decimal(period.get("comparedMrr"))))
                    .as(period.get("startDate").asString())
                    .isEqualByComparingTo(moved);
        }
    }

    @Test
    void eachMonthsEndAgainstTheEndOfTheMonthBefore() {
        subscriptions();

        Response response = http.get(FEBRUARY_TO_APRIL);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode periods = response.json().get("periods");
        JsonNode february = periods.get(0);
        assertThat(decimal(february.get("comparedMrr"))).isEqualByComparingTo("180");
        assertThat(decimal(february.get("mrr"))).isEqualByComparingTo("210");
        assertThat(february.get("subscribers").asLong()).isEqualTo(3);
        assertThat(decimal(february.get("nrr"))).isEqualByComparingTo("72.2222"); // 130 / 180
        assertMovement(february, "newMrr", 1, "80");
        assertMovement(february, "churned", 1, "50");
        assertThat(decimal(february.get("quickRatio"))).isEqualByComparingTo("1.6"); // 80 / 50
        JsonNode march = periods.get(1);
        assertThat(decimal(march.get("mrr"))).as("the purchase is no MRR").isEqualByComparingTo("260");
        assertThat(decimal(march.get("nrr"))).isEqualByComparingTo("123.8095"); // 260 / 210
        assertThat(decimal(march.get("grr"))).isEqualByComparingTo("100");
        assertMovement(march, "expansion", 1, "50");
        assertThat(march.has("quickRatio")).as("no MRR lost").isFalse();
        JsonNode april = periods.get(2);
        assertThat(decimal(april.get("mrr"))).isEqualByComparingTo("305");
        assertThat(decimal(april.get("nrr"))).isEqualByComparingTo("84.6154"); // 220 / 260
        assertMovement(april, "reactivated", 2, "85");
        assertMovement(april, "contraction", 1, "40");
        assertMovement(april, "newMrr", 0, "0");
        assertThat(decimal(april.get("quickRatio"))).isEqualByComparingTo("2.125"); // 85 / 40
        assertIdentity(response.json());
    }

    @Test
    void aYearAgoAndASegment() {
        subscriptions();
        jdbc.update("update customer set segment = 'pro' where external_id in ('A', 'C')");

        JsonNode pro = http.get(FEBRUARY_TO_APRIL + "&segment=pro").json();
        JsonNode yearAgo = http.get("/api/v1/metrics/mrr?from=2027-04-01&to=2027-05-01&compareTo=YEAR_AGO")
                .json();

        JsonNode proApril = pro.get("periods").get(2);
        assertThat(decimal(proApril.get("comparedMrr"))).isEqualByComparingTo("230"); // A 150 + C 80
        assertThat(decimal(proApril.get("mrr"))).isEqualByComparingTo("190"); // A 150 + C 40
        JsonNode april2027 = yearAgo.get("periods").get(0);
        assertThat(april2027.get("comparedStartDate").asString()).isEqualTo("2026-04-01");
        assertThat(decimal(april2027.get("baseMrr"))).isEqualByComparingTo("305");
        assertThat(decimal(april2027.get("nrr"))).isEqualByComparingTo("100"); // nothing changed since 1 May 2026
        assertThat(april2027.has("movements")).isFalse();
    }

    @Test
    void withoutSubscriptionsTheAnswerSaysWhy() {
        JsonNode february = http.get(FEBRUARY_TO_APRIL).json().get("periods").get(0);

        assertThat(decimal(february.get("mrr"))).isZero();
        assertThat(february.has("nrr")).isFalse();
        assertThat(february.get("retentionNote").asString()).contains("No customer had positive MRR");
    }

    @Test
    void theSummaryShowsTheLatestMonthsMrr() {
        LocalDate current = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        LocalDate latest = current.minusMonths(1);
        LocalDate previous = latest.minusMonths(1);
        BatchEvents events = new BatchEvents();
        events.add("X", "SUBSCRIPTION", previous.plusDays(5) + "T12:00:00Z", "40");
        events.add("X", "SUBSCRIPTION", latest.plusDays(5) + "T12:00:00Z", "50");
        events.add("Y", "SUBSCRIPTION", latest.plusDays(6) + "T12:00:00Z", "60");
        store(events);

        JsonNode mrr = http.get("/api/v1/metrics/summary").json().get("mrrRetention");

        assertThat(decimal(mrr.get("mrr"))).isEqualByComparingTo("110");
        assertThat(decimal(mrr.get("mrrChange"))).isEqualByComparingTo("70");
        assertThat(mrr.get("subscribers").asLong()).isEqualTo(2);
        assertThat(decimal(mrr.get("nrr"))).isEqualByComparingTo("125"); // 50 / 40
        assertThat(decimal(mrr.get("grr"))).isEqualByComparingTo("100");
        assertThat(mrr.has("quickRatio")).as("no MRR lost").isFalse();
    }
}
