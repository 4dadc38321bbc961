package dev.retention.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.CohortTally;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.LifecyclePolicy;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.metrics.RetentionFigures;
import dev.retention.domain.metrics.RetentionReport;
import dev.retention.domain.metrics.RetentionTally;
import dev.retention.domain.metrics.StatusChange;
import dev.retention.domain.metrics.Valuation;
import dev.retention.support.ApiTest;
import dev.retention.support.ConcurrentWriters;
import dev.retention.support.Http.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Under the contractual model the database counts customers with summarised histories in groups and streams only
 * the others. For seeded random histories with the awkward cases (events on boundaries, explicit acquisition times
 * later than an ACQUIRED event, customers acquired after the range, repeated churns, comebacks by REACTIVATED or
 * ACQUIRED, events arriving out of order in two batches), the figures over HTTP must equal those of the lifecycle
 * rules applied to every customer one by one.
 */
class GroupedLifecyclesTest extends ApiTest {

    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 1);
    private static final Instant EARLIEST = Instant.parse("2025-01-01T00:00:00Z");
    private static final long SPAN_SECONDS =
            ChronoUnit.SECONDS.between(EARLIEST, Instant.parse("2026-07-01T00:00:00Z"));
    private static final List<String> SEGMENTS = java.util.Arrays.asList("retail", "sme", "enterprise", null);
    private static final String QUERY = "from=" + FROM + "&to=" + TO + "&granularity=MONTH&churnModel=CONTRACTUAL";

    private final Random random = new Random(20251101);
    private final Map<String, List<StatusChange>> changes = new LinkedHashMap<>();

    private Instant randomInstant() {
        Instant at = EARLIEST.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
        if (random.nextInt(5) == 0) {
            return at.atZone(ZoneOffset.UTC)
                    .toLocalDate()
                    .withDayOfMonth(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        }
        return at;
    }

    @BeforeEach
    void randomHistories() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String customer = "c" + i;
            String segment = SEGMENTS.get(random.nextInt(SEGMENTS.size()));
            Map<String, Object> body = new HashMap<>();
            body.put("externalId", customer);
            if (segment != null) {
                body.put("segment", segment);
            }
            if (random.nextInt(4) == 0) {
                body.put("acquiredAt", randomInstant().toString());
            }
            assertThat(http.post("/api/v1/customers", body).status()).isEqualTo(201);
            List<StatusChange> history = new ArrayList<>();
            if (random.nextInt(6) != 0) {
                history.add(new StatusChange(randomInstant(), EventType.ACQUIRED));
            }
            int more = random.nextInt(4);
            for (int k = 0; k < more; k++) {
                EventType type = switch (random.nextInt(5)) {
                    case 0, 1 -> EventType.CHURNED;
                    case 2 -> EventType.REACTIVATED;
                    case 3 -> EventType.ACQUIRED;
                    default -> EventType.LOGIN;
                };
                history.add(new StatusChange(randomInstant(), type));
            }
            for (StatusChange change : history) {
                events.add(Map.of(
                        "externalId",
                        customer,
                        "type",
                        change.type().name(),
                        "occurredAt",
                        change.at().toString(),
                        "eventKey",
                        customer + "-" + events.size()));
            }
            changes.put(customer, history);
        }
        // Two batches in random order, so that the database updates its summaries event by event.
        java.util.Collections.shuffle(events, random);
        for (List<Map<String, Object>> batch :
                List.of(events.subList(0, events.size() / 2), events.subList(events.size() / 2, events.size()))) {
            Response stored = http.post("/api/v1/events:batch", Map.of("events", batch));
            assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        }
    }

    /** Segment and stored acquisition time of every customer, as the service holds them. */
    private Map<String, Object[]> storedCustomers() {
        Map<String, Object[]> customers = new HashMap<>();
        JsonNode items = http.get("/api/v1/customers?size=500").json().get("items");
        for (JsonNode item : items) {
            String acquiredAt =
                    item.path("acquiredAt").isNull() || item.path("acquiredAt").isMissingNode()
                            ? null
                            : item.get("acquiredAt").asString();
            String segment =
                    item.path("segment").isString() ? item.get("segment").asString() : null;
            customers.put(
                    item.get("externalId").asString(),
                    new Object[] {segment, acquiredAt == null ? null : Instant.parse(acquiredAt)});
        }
        assertThat(customers).hasSize(changes.size());
        return customers;
    }

    private Map<String, RetentionReport> expectedBySegment(ReportingPeriods periods) {
        Map<String, Object[]> stored = storedCustomers();
        Map<String, RetentionTally> tallies = new HashMap<>();
        RetentionTally all = new RetentionTally(periods);
        changes.forEach((customer, history) -> {
            String segment = (String) stored.get(customer)[0];
            Instant acquiredAt = (Instant) stored.get(customer)[1];
            LifecyclePolicy.contractual(segment, acquiredAt, history).ifPresent(lifecycle -> {
                all.add(lifecycle);
                tallies.computeIfAbsent(Objects.toString(segment), s -> new RetentionTally(periods))
                        .add(lifecycle);
            });
        });
        Map<String, RetentionReport> reports = new HashMap<>();
        List<BigDecimal> noRevenue = java.util.Collections.nCopies(periods.size(), BigDecimal.ZERO);
        reports.put("all", all.report(noRevenue, Valuation.DEFAULT, Instant.now()));
        tallies.forEach(
                (segment, tally) -> reports.put(segment, tally.report(noRevenue, Valuation.DEFAULT, Instant.now())));
        return reports;
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

    @Test
    void overallAndPerSegmentFiguresEqualTheRulesAppliedCustomerByCustomer() {
        ReportingPeriods periods = ReportingPeriods.between(FROM, TO, Granularity.MONTH, ZoneOffset.UTC);
        Map<String, RetentionReport> expected = expectedBySegment(periods);

        JsonNode overall = http.get("/api/v1/metrics/retention?" + QUERY).json();
        for (int i = 0; i < periods.size(); i++) {
            assertThat(counts(overall.get("periods").get(i)))
                    .as("month " + i)
                    .isEqualTo(counts(expected.get("all").periods().get(i)));
        }
        assertThat(counts(overall.get("totals")))
                .isEqualTo(counts(expected.get("all").totals()));

        JsonNode retail = http.get("/api/v1/metrics/retention?" + QUERY + "&segment=retail")
                .json();
        for (int i = 0; i < periods.size(); i++) {
            assertThat(counts(retail.get("periods").get(i)))
                    .as("retail, month " + i)
                    .isEqualTo(counts(expected.get("retail").periods().get(i)));
        }

        JsonNode breakdown =
                http.get("/api/v1/metrics/retention/segments?" + QUERY).json().get("segments");
        for (JsonNode segment : breakdown) {
            String name =
                    segment.path("segment").isString() ? segment.get("segment").asString() : "null";
            for (int i = 0; i < periods.size(); i++) {
                assertThat(counts(segment.get("periods").get(i)))
                        .as(name + ", month " + i)
                        .isEqualTo(counts(expected.get(name).periods().get(i)));
            }
        }
        assertThat(breakdown).hasSize(4);
    }

    @Test
    void statusEventsFromConcurrentWritersKeepTheSummariesExact() throws Exception {
        // Eight writers at once send churns, comebacks and purchases (which the INACTIVITY trigger handles in the
        // same batch) for the same 20 customers.
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            String customer = "c" + random.nextInt(20);
            Instant at = randomInstant();
            if (random.nextInt(3) == 0) {
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
                continue;
            }
            EventType type = random.nextBoolean() ? EventType.CHURNED : EventType.REACTIVATED;
            events.add(Map.of(
                    "externalId",
                    customer,
                    "type",
                    type.name(),
                    "occurredAt",
                    at.toString(),
                    "eventKey",
                    "concurrent-" + i));
            changes.get(customer).add(new StatusChange(at, type));
        }
        ConcurrentWriters.postAtOnce(http, events, 8);
        Long stale = jdbc.queryForObject("""
                select count(*) from customer c, customer_lifecycle_summary(c.id, c.acquired_at) s
                where (c.lifecycle_kind, c.churned_at, c.back_at) is distinct from (s.kind, s.churned_at, s.back_at)
                """, Long.class);
        assertThat(stale)
                .as("customers whose kept summary differs from their events")
                .isZero();

        ReportingPeriods periods = ReportingPeriods.between(FROM, TO, Granularity.MONTH, ZoneOffset.UTC);
        RetentionReport expected = expectedBySegment(periods).get("all");
        JsonNode overall = http.get("/api/v1/metrics/retention?" + QUERY).json();
        for (int i = 0; i < periods.size(); i++) {
            assertThat(counts(overall.get("periods").get(i)))
                    .as("month " + i)
                    .isEqualTo(counts(expected.periods().get(i)));
        }
    }

    @Test
    void cohortsEqualTheRulesAppliedCustomerByCustomer() {
        ReportingPeriods periods = ReportingPeriods.between(FROM, TO, Granularity.MONTH, ZoneOffset.UTC);
        Map<String, Object[]> stored = storedCustomers();
        CohortTally expected = new CohortTally(periods, 11);
        changes.forEach(
                (customer, history) -> LifecyclePolicy.contractual(null, (Instant) stored.get(customer)[1], history)
                        .ifPresent(expected::add));
        List<CohortTally.Cohort> cohorts = expected.report(Map.of());

        JsonNode actual = http.get("/api/v1/metrics/cohorts?" + QUERY).json().get("cohorts");
        assertThat(actual).hasSize(cohorts.size());
        for (int c = 0; c < cohorts.size(); c++) {
            assertThat(actual.get(c).get("size").asLong())
                    .as("cohort " + c)
                    .isEqualTo(cohorts.get(c).size());
            for (int k = 0; k < cohorts.get(c).offsets().size(); k++) {
                assertThat(actual.get(c).get("offsets").get(k).get("active").asLong())
                        .as("cohort " + c + ", " + k)
                        .isEqualTo(cohorts.get(c).offsets().get(k).active());
            }
        }
    }
}
