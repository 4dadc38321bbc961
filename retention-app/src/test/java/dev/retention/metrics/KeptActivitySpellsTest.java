package dev.retention.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.CohortTally;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.KeptActivitySpells;
import dev.retention.domain.metrics.Lifecycle;
import dev.retention.domain.metrics.LifecyclePolicy;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.metrics.RetentionFigures;
import dev.retention.domain.metrics.RetentionReport;
import dev.retention.domain.metrics.RetentionTally;
import dev.retention.domain.metrics.Spell;
import dev.retention.domain.metrics.StatusChange;
import dev.retention.domain.metrics.Valuation;
import dev.retention.support.ApiTest;
import dev.retention.support.ConcurrentWriters;
import dev.retention.support.Http.Response;
import dev.retention.support.ShuffledDelivery;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The database keeps every customer's INACTIVITY spells by triggers and counts customers by the stretches their
 * spells fall into; for any other window it computes the spells in one statement. Both restate the domain's rule
 * ({@link LifecyclePolicy#inactivity}), so for seeded random histories with the awkward cases (several lapses and
 * comebacks, events at the same instant and on local midnights, explicit acquisition times later than an ACQUIRED
 * event, customers created by their first event, events arriving out of order, several or one per customer at a
 * time) the kept spells must equal the rule's, and every figure over HTTP, for the kept window and for random
 * others, in a zone with an odd offset, must equal the rule applied customer by customer.
 */
class KeptActivitySpellsTest extends ApiTest {

    private static final Duration KEPT_WINDOW = Duration.ofDays(90);
    private static final Instant EARLIEST = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2026-07-01T00:00:00Z");
    private static final long SPAN_SECONDS = ChronoUnit.SECONDS.between(EARLIEST, LATEST);
    private static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu");
    private static final List<String> SEGMENTS = Arrays.asList("retail", "sme", null);

    @Autowired
    private KeptActivitySpells keptSpells;

    private final Random random = new Random(20261129);
    private final Map<String, List<StatusChange>> histories = new LinkedHashMap<>();

    private Instant randomInstant() {
        Instant at = EARLIEST.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
        return switch (random.nextInt(8)) {
            case 0 -> at.atZone(ZONE).toLocalDate().atStartOfDay(ZONE).toInstant(); // a local midnight
            case 1 ->
                at.atZone(ZONE)
                        .toLocalDate()
                        .withDayOfMonth(1)
                        .atStartOfDay(ZONE)
                        .toInstant();
            default -> at;
        };
    }

    @BeforeEach
    void randomHistories() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String customer = "c" + i;
            boolean createdByEvent = random.nextInt(5) == 0;
            if (!createdByEvent) {
                Map<String, Object> body = new HashMap<>();
                body.put("externalId", customer);
                String segment = SEGMENTS.get(random.nextInt(SEGMENTS.size()));
                if (segment != null) {
                    body.put("segment", segment);
                }
                if (random.nextInt(4) == 0) {
                    body.put("acquiredAt", randomInstant().toString());
                }
                assertThat(http.post("/api/v1/customers", body).status()).isEqualTo(201);
            }
            List<StatusChange> history = randomHistory();
            if (createdByEvent && history.isEmpty()) {
                history.add(new StatusChange(randomInstant(), EventType.LOGIN));
            }
            for (StatusChange change : history) {
                Map<String, Object> event = new HashMap<>(Map.of(
                        "externalId",
                        customer,
                        "type",
                        change.type().name(),
                        "occurredAt",
                        change.at().toString(),
                        "eventKey",
                        customer + "-" + events.size()));
                if (change.type() == EventType.PURCHASE || change.type() == EventType.REFUND) {
                    event.put("amount", "10.00");
                    event.put("currency", "EUR");
                }
                if (createdByEvent) {
                    event.put("createCustomer", true);
                }
                events.add(event);
            }
            histories.put(customer, history);
        }
        // In random order, so that the kept spells are merged with old events arriving late, several or one at a time.
        ShuffledDelivery.post(http, events, random);
    }

    /** Purchases in bursts with lapses between them, logins, refunds, and events at the same instant. */
    private List<StatusChange> randomHistory() {
        List<StatusChange> history = new ArrayList<>();
        if (random.nextInt(3) != 0) {
            history.add(new StatusChange(randomInstant(), EventType.ACQUIRED));
        }
        int bursts = random.nextInt(4);
        for (int b = 0; b < bursts; b++) {
            Instant at = randomInstant();
            int purchases = 1 + random.nextInt(4);
            for (int p = 0; p < purchases && at.isBefore(LATEST); p++) {
                history.add(new StatusChange(at, EventType.PURCHASE));
                if (random.nextInt(6) == 0) {
                    history.add(new StatusChange(at, EventType.PURCHASE)); // the same instant twice
                }
                at = at.plus(Duration.ofHours(random.nextInt(24 * 120)));
            }
        }
        if (!history.isEmpty() && random.nextInt(4) == 0) {
            history.add(new StatusChange(history.get(0).at(), EventType.PURCHASE)); // with the acquisition
        }
        if (!history.isEmpty() && random.nextInt(3) == 0) {
            // A gap of exactly W keeps the spell; a second more starts a new one.
            Instant last = history.get(history.size() - 1).at();
            Instant exactlyW = last.plus(KEPT_WINDOW);
            if (exactlyW.plus(KEPT_WINDOW).isBefore(LATEST)) {
                history.add(new StatusChange(exactlyW, EventType.PURCHASE));
                history.add(new StatusChange(exactlyW.plus(KEPT_WINDOW).plusSeconds(1), EventType.PURCHASE));
            }
        }
        for (int k = random.nextInt(3); k > 0; k--) {
            history.add(new StatusChange(randomInstant(), random.nextBoolean() ? EventType.LOGIN : EventType.REFUND));
        }
        return history;
    }

    private record StoredCustomer(String segment, Instant acquiredAt) {}

    private Map<String, StoredCustomer> storedCustomers() {
        Map<String, StoredCustomer> customers = new HashMap<>();
        jdbc.query("select external_id, segment, acquired_at from customer", row -> {
            java.time.OffsetDateTime acquired = row.getObject("acquired_at", java.time.OffsetDateTime.class);
            customers.put(
                    row.getString("external_id"),
                    new StoredCustomer(row.getString("segment"), acquired == null ? null : acquired.toInstant()));
        });
        assertThat(customers).hasSize(histories.size());
        return customers;
    }

    /** Each customer's lifecycle by the domain's rule, for window W and activity types. */
    private Map<String, Lifecycle> expectedLifecycles(Duration window, Set<EventType> activityTypes) {
        Map<String, StoredCustomer> stored = storedCustomers();
        Map<String, Lifecycle> lifecycles = new TreeMap<>();
        histories.forEach((customer, history) -> {
            List<StatusChange> acquisitions = history.stream()
                    .filter(change -> change.type() == EventType.ACQUIRED)
                    .toList();
            List<Instant> activity = history.stream()
                    .filter(change -> activityTypes.contains(change.type()))
                    .map(StatusChange::at)
                    .toList();
            Optional<Lifecycle> lifecycle = LifecyclePolicy.inactivity(
                    stored.get(customer).segment(), stored.get(customer).acquiredAt(), acquisitions, activity, window);
            lifecycle.ifPresent(found -> lifecycles.put(customer, found));
        });
        return lifecycles;
    }

    /** The kept spells of each customer: the first from acquisition to first_until, then the later ones. */
    private Map<String, List<Spell>> keptSpells() {
        Map<String, List<Spell>> spells = new TreeMap<>();
        jdbc.query("""
                select c.external_id, a.acquired_at, a.first_until, a.later_from, a.later_until
                from customer_activity a join customer c on c.id = a.customer_id
                """, row -> {
            List<Spell> customer = new ArrayList<>();
            customer.add(new Spell(instant(row.getTimestamp(2)), instant(row.getTimestamp(3))));
            if (row.getArray(4) != null) {
                java.sql.Timestamp[] from =
                        (java.sql.Timestamp[]) row.getArray(4).getArray();
                java.sql.Timestamp[] until =
                        (java.sql.Timestamp[]) row.getArray(5).getArray();
                for (int i = 0; i < from.length; i++) {
                    customer.add(new Spell(instant(from[i]), instant(until[i])));
                }
            }
            spells.put(row.getString(1), customer);
        });
        return spells;
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static Map<String, List<Spell>> spellsOf(Map<String, Lifecycle> lifecycles) {
        Map<String, List<Spell>> spells = new TreeMap<>();
        lifecycles.forEach((customer, lifecycle) -> spells.put(customer, lifecycle.spells()));
        return spells;
    }

    @Test
    void theKeptSpellsAreTheRulesSpellsWhateverTheOrderInWhichEventsArrive() {
        assertThat(keptSpells()).isEqualTo(spellsOf(expectedLifecycles(KEPT_WINDOW, EnumSet.of(EventType.PURCHASE))));
        assertThat(keptSpells().values().stream().mapToInt(List::size).max().orElse(0))
                .as("some customers lapsed and came back")
                .isGreaterThan(1);
    }

    @Test
    void newSettingsRebuildTheSpellsAndLaterEventsFollowThem() {
        Duration window = Duration.ofDays(30);
        Set<EventType> types = EnumSet.of(EventType.PURCHASE, EventType.LOGIN);
        try {
            assertThat(keptSpells.keepFor(window, types)).isGreaterThan(0);
            assertThat(keptSpells.keepFor(window, types))
                    .as("the same settings again")
                    .isEqualTo(-1);
            assertThat(keptSpells()).isEqualTo(spellsOf(expectedLifecycles(window, types)));

            Instant late = Instant.parse("2025-06-15T12:00:00Z");
            assertThat(http.post(
                                    "/api/v1/events:batch",
                                    Map.of(
                                            "events",
                                            List.of(Map.of(
                                                    "externalId",
                                                    "c1",
                                                    "type",
                                                    "LOGIN",
                                                    "occurredAt",
                                                    late.toString(),
                                                    "eventKey",
                                                    "late-login"))))
                            .status())
                    .isEqualTo(200);
            histories.get("c1").add(new StatusChange(late, EventType.LOGIN));
            assertThat(keptSpells()).isEqualTo(spellsOf(expectedLifecycles(window, types)));

            jdbc.update("delete from customer_activity where customer_id in "
                    + "(select id from customer where external_id in ('c2', 'c3'))");
            Response rebuilt = http.post("/api/v1/admin/activity-spells/rebuild", Map.of());
            assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
            assertThat(rebuilt.json().get("spells").asLong())
                    .isEqualTo(
                            keptSpells().values().stream().mapToLong(List::size).sum());
            assertThat(rebuilt.json().get("inactivityDays").asInt()).isEqualTo(30);
            assertThat(rebuilt.json().get("activityTypes").toString()).isEqualTo("[\"PURCHASE\",\"LOGIN\"]");
            assertThat(keptSpells()).isEqualTo(spellsOf(expectedLifecycles(window, types)));
            assertThat(http.get("/api/v1/admin/audit")
                            .json()
                            .get("items")
                            .get(0)
                            .get("action")
                            .asString())
                    .isEqualTo("activity-spells.rebuilt");
        } finally {
            keptSpells.keepFor(KEPT_WINDOW, EnumSet.of(EventType.PURCHASE));
        }
        assertThat(keptSpells()).isEqualTo(spellsOf(expectedLifecycles(KEPT_WINDOW, EnumSet.of(EventType.PURCHASE))));
    }

    @Test
    void eventsArrivingInTimeOrderExtendTheKeptSpells() {
        // Later purchases of 40 customers, each after everything the customer did so far, in time order over three
        // batches: each batch extends the kept spells (or adds spells after them) from the kept row alone.
        Map<String, StoredCustomer> stored = storedCustomers();
        Instant latestAllowed = Instant.now().minus(Duration.ofDays(1));
        List<List<Map<String, Object>>> batches = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int customers = 0;
        for (Map.Entry<String, List<StatusChange>> history : histories.entrySet()) {
            Instant last = history.getValue().stream()
                    .map(StatusChange::at)
                    .max(Instant::compareTo)
                    .orElse(EARLIEST);
            Instant acquired = stored.get(history.getKey()).acquiredAt();
            Instant at = (acquired != null && acquired.isAfter(last) ? acquired : last).plusSeconds(3600);
            if (customers == 40
                    || at.plus(KEPT_WINDOW.multipliedBy(3))
                            .plus(Duration.ofDays(4))
                            .isAfter(latestAllowed)) {
                continue;
            }
            customers++;
            for (int b = 0; b < batches.size(); b++) {
                Duration gap = random.nextBoolean()
                        ? Duration.ofDays(random.nextInt(30))
                        : KEPT_WINDOW.plusSeconds(1 + random.nextInt(86_400));
                at = at.plus(gap); // a gap of 0 days: the same day, or with the first one the same instant
                batches.get(b)
                        .add(Map.of(
                                "externalId",
                                history.getKey(),
                                "type",
                                "PURCHASE",
                                "occurredAt",
                                at.toString(),
                                "amount",
                                "5.00",
                                "currency",
                                "EUR",
                                "eventKey",
                                "later-" + b));
                history.getValue().add(new StatusChange(at, EventType.PURCHASE));
            }
        }
        assertThat(customers).isEqualTo(40);
        for (List<Map<String, Object>> batch : batches) {
            Response recorded = http.post("/api/v1/events:batch", Map.of("events", batch));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
            assertThat(recorded.json().get("created").asInt()).isEqualTo(40);
        }
        assertThat(keptSpells()).isEqualTo(spellsOf(expectedLifecycles(KEPT_WINDOW, EnumSet.of(EventType.PURCHASE))));
    }

    @Test
    void concurrentWritersForTheSameCustomersLoseNoEvent() throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String customer = "c" + random.nextInt(30);
            Instant at = randomInstant();
            events.add(Map.of(
                    "externalId",
                    customer,
                    "type",
                    "PURCHASE",
                    "occurredAt",
                    at.toString(),
                    "amount",
                    "5.00",
                    "currency",
                    "EUR",
                    "eventKey",
                    "concurrent-" + i));
            histories.get(customer).add(new StatusChange(at, EventType.PURCHASE));
        }
        ConcurrentWriters.postAtOnce(http, events, 8);
        assertThat(keptSpells()).isEqualTo(spellsOf(expectedLifecycles(KEPT_WINDOW, EnumSet.of(EventType.PURCHASE))));
    }

    @Test
    void figuresForTheKeptWindowAndForOthersEqualTheRuleAppliedCustomerByCustomer() {
        // Segments changed after the events: the kept copy of the segment follows.
        for (String customer : List.of("c5", "c6", "c7", "c8")) {
            String id =
                    jdbc.queryForObject("select id::text from customer where external_id = ?", String.class, customer);
            Map<String, Object> patch = new HashMap<>();
            patch.put("segment", customer.equals("c8") ? null : "retail");
            assertThat(http.patch("/api/v1/customers/" + id, patch, Map.of()).status())
                    .isEqualTo(200);
        }
        List<Integer> windows = List.of(90, 1 + random.nextInt(40), 40 + random.nextInt(200));
        for (int days : windows) {
            for (Granularity granularity : List.of(Granularity.MONTH, Granularity.WEEK)) {
                LocalDate from = LocalDate.of(2025, 2, 1).plusDays(random.nextInt(40));
                LocalDate to = granularity == Granularity.MONTH ? from.plusMonths(14) : from.plusWeeks(30);
                ReportingPeriods periods = ReportingPeriods.between(from, to, granularity, ZONE);
                String query = "from=" + from + "&to=" + to + "&granularity=" + granularity + "&zone=" + ZONE
                        + "&churnModel=INACTIVITY&inactivityDays=" + days;
                assertFiguresMatch(
                        query,
                        periods,
                        expectedLifecycles(Duration.ofDays(days), EnumSet.of(EventType.PURCHASE)),
                        "W = " + days + ", " + granularity);
            }
        }
    }

    private void assertFiguresMatch(
            String query, ReportingPeriods periods, Map<String, Lifecycle> lifecycles, String what) {
        Map<String, RetentionTally> tallies = new HashMap<>();
        RetentionTally all = new RetentionTally(periods);
        CohortTally cohorts = new CohortTally(periods, periods.size() - 1);
        lifecycles.values().forEach(lifecycle -> {
            all.add(lifecycle);
            cohorts.add(lifecycle);
            tallies.computeIfAbsent(Objects.toString(lifecycle.segment()), s -> new RetentionTally(periods))
                    .add(lifecycle);
        });
        List<BigDecimal> noRevenue = Collections.nCopies(periods.size(), BigDecimal.ZERO);

        JsonNode overall = http.get("/api/v1/metrics/retention?" + query).json();
        assertCounts(overall, all.report(noRevenue, Valuation.DEFAULT, Instant.now()), what);
        JsonNode retail = http.get("/api/v1/metrics/retention?" + query + "&segment=retail")
                .json();
        assertCounts(
                retail, tallies.get("retail").report(noRevenue, Valuation.DEFAULT, Instant.now()), what + ", retail");
        JsonNode breakdown =
                http.get("/api/v1/metrics/retention/segments?" + query).json().get("segments");
        assertThat(breakdown).hasSize(tallies.size());
        for (JsonNode segment : breakdown) {
            String name =
                    segment.path("segment").isString() ? segment.get("segment").asString() : "null";
            assertCounts(
                    segment,
                    tallies.get(name).report(noRevenue, Valuation.DEFAULT, Instant.now()),
                    what + ", segment " + name);
        }

        List<CohortTally.Cohort> expected = cohorts.report(Map.of());
        JsonNode actual = http.get("/api/v1/metrics/cohorts?" + query).json().get("cohorts");
        assertThat(actual).hasSize(expected.size());
        for (int c = 0; c < expected.size(); c++) {
            assertThat(actual.get(c).get("size").asLong())
                    .as(what + ", cohort " + c)
                    .isEqualTo(expected.get(c).size());
            for (int k = 0; k < expected.get(c).offsets().size(); k++) {
                assertThat(actual.get(c).get("offsets").get(k).get("active").asLong())
                        .as(what + ", cohort " + c + ", offset " + k)
                        .isEqualTo(expected.get(c).offsets().get(k).active());
            }
        }
    }

    private static void assertCounts(JsonNode report, RetentionReport expected, String what) {
        for (int i = 0; i < expected.periods().size(); i++) {
            assertThat(counts(report.get("periods").get(i)))
                    .as(what + ", period " + i)
                    .isEqualTo(counts(expected.periods().get(i)));
        }
        assertThat(counts(report.get("totals"))).as(what + ", totals").isEqualTo(counts(expected.totals()));
    }

    private static List<Long> counts(RetentionFigures figures) {
        return List.of(
                figures.startCustomers(),
                figures.endCustomers(),
                figures.newCustomers(),
                figures.retained(),
                figures.churned(),
                figures.reactivated());
    }

    private static List<Long> counts(JsonNode figures) {
        return List.of(
                figures.get("startCustomers").asLong(),
                figures.get("endCustomers").asLong(),
                figures.get("newCustomers").asLong(),
                figures.get("retained").asLong(),
                figures.get("churned").asLong(),
                figures.get("reactivated").asLong());
    }
}
