package dev.retention.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.PurchaseSummaries;
import dev.retention.domain.prediction.PurchaseSummary;
import dev.retention.domain.risk.AtRiskPolicy;
import dev.retention.domain.risk.AtRiskPolicy.FirstGapCount;
import dev.retention.domain.risk.AtRiskPolicy.OneTimeThresholds;
import dev.retention.domain.risk.AtRiskPolicy.Threshold;
import dev.retention.domain.risk.PurchaseRhythm;
import dev.retention.support.ApiTest;
import dev.retention.support.ConcurrentWriters;
import dev.retention.support.Http.Response;
import dev.retention.support.ShuffledDelivery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The database keeps every buyer's purchase rhythm by triggers, restates the at-risk threshold and comparison in SQL,
 * and reads the purchase summaries of a model fit from the kept rhythms; {@link AtRiskPolicy}, {@link PurchaseRhythm}
 * and {@link PurchaseSummary#of} state these rules in the domain. For seeded random histories (bursts
 * and lapses, several purchases on one day and at one instant, refunds, churns with and without a comeback, segments
 * changed and customers erased after their purchases, batches arriving out of order, large or one event per customer
 * at a time, or at once) the kept rhythms (purchase days and ascending gaps too) must equal the domain's, before and
 * after a rebuild, and the list over HTTP must equal the rule applied customer by customer: as of a moment after
 * every event (read from the kept rhythms) and as of moments in the past (computed from events);
 * so must the purchase summaries, in UTC after every purchase (kept) and for earlier ends or other zones (events).
 */
class KeptPurchaseRhythmsTest extends ApiTest {

    private static final Instant EARLIEST = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2026-07-01T00:00:00Z");
    private static final long SPAN_SECONDS = ChronoUnit.SECONDS.between(EARLIEST, LATEST);
    private static final List<String> SEGMENTS = Arrays.asList("retail", "sme", "vip", null);

    private record Event(String type, Instant at, BigDecimal amount) {}

    @Autowired
    private PurchaseSummaries purchaseSummaries;

    private final Random random = new Random(20261130);
    private final Map<String, List<Event>> histories = new LinkedHashMap<>();
    private final Map<String, String> segments = new HashMap<>();
    private final Map<String, UUID> ids = new HashMap<>();
    private final List<String> erased = new ArrayList<>();

    private Instant randomInstant() {
        Instant at = EARLIEST.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
        return random.nextInt(6) == 0 ? at.truncatedTo(ChronoUnit.DAYS) : at; // a UTC midnight
    }

    private BigDecimal randomAmount() {
        return BigDecimal.valueOf(100 + random.nextInt(20_000), 2);
    }

    @BeforeEach
    void randomHistories() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String customer = "c" + i;
            String segment = SEGMENTS.get(random.nextInt(SEGMENTS.size()));
            Map<String, Object> body = new HashMap<>(Map.of("externalId", customer));
            if (segment != null) {
                body.put("segment", segment);
            }
            Response created = http.post("/api/v1/customers", body);
            assertThat(created.status()).isEqualTo(201);
            ids.put(customer, UUID.fromString(created.json().get("id").asString()));
            segments.put(customer, segment);
            List<Event> history = randomHistory();
            for (Event event : history) {
                Map<String, Object> json = new HashMap<>(Map.of(
                        "externalId",
                        customer,
                        "type",
                        event.type(),
                        "occurredAt",
                        event.at().toString(),
                        "eventKey",
                        customer + "-" + events.size()));
                if (event.amount() != null) {
                    json.put("amount", event.amount().toPlainString());
                    json.put("currency", "EUR");
                }
                events.add(json);
            }
            histories.put(customer, history);
        }
        ShuffledDelivery.post(http, events, random);
        for (String customer : histories.keySet()) {
            int fate = random.nextInt(12);
            if (fate == 0) {
                assertThat(http.delete("/api/v1/customers/" + ids.get(customer)).status())
                        .isEqualTo(204);
                erased.add(customer);
            } else if (fate == 1) {
                String segment = SEGMENTS.get(random.nextInt(SEGMENTS.size()));
                Map<String, Object> patch = new HashMap<>();
                patch.put("segment", segment);
                Response changed = http.patch("/api/v1/customers/" + ids.get(customer), patch, Map.of());
                assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
                segments.put(customer, segment);
            }
        }
    }

    /** Some never buy, some buy once, most buy in bursts with lapses between them. */
    private List<Event> randomHistory() {
        List<Event> history = new ArrayList<>();
        int bursts = random.nextInt(4);
        for (int b = 0; b < bursts; b++) {
            Instant at = randomInstant();
            int purchases = 1 + random.nextInt(5);
            double gapDays = 1 + random.nextInt(40);
            for (int p = 0; p < purchases && at.isBefore(LATEST); p++) {
                history.add(new Event("PURCHASE", at, randomAmount()));
                if (random.nextInt(5) == 0) {
                    history.add(new Event("PURCHASE", at, randomAmount())); // the same instant
                } else if (random.nextInt(5) == 0) {
                    history.add(new Event("PURCHASE", at.plusSeconds(60), randomAmount())); // the same day, mostly
                }
                if (random.nextInt(6) == 0) {
                    history.add(new Event("REFUND", at.plus(3, ChronoUnit.DAYS), randomAmount()));
                }
                at = at.plusSeconds((long) (gapDays * 86_400 * (0.5 + random.nextDouble())));
            }
        }
        if (random.nextInt(5) == 0) {
            Instant churn = randomInstant();
            history.add(new Event("CHURNED", churn, null));
            if (random.nextBoolean()) {
                history.add(new Event("REACTIVATED", churn.plus(random.nextInt(120), ChronoUnit.DAYS), null));
            }
        }
        return history;
    }

    @Test
    void keptRhythmsAreTheDomainsBeforeAndAfterARebuild() {
        assertKeptRhythmsAreTheDomains();
        Response rebuilt = http.post("/api/v1/admin/activity-spells/rebuild", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        long buyers = histories.values().stream()
                .filter(history ->
                        history.stream().anyMatch(event -> event.type().equals("PURCHASE")))
                .count();
        assertThat(rebuilt.json().get("purchaseRhythms").asLong()).isEqualTo(buyers);
        assertKeptRhythmsAreTheDomains();
    }

    @Test
    void concurrentBatchesForTheSameCustomersLoseNoPurchase() throws Exception {
        List<String> customers = histories.keySet().stream()
                .filter(customer -> !erased.contains(customer))
                .limit(20)
                .toList();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String customer = customers.get(random.nextInt(customers.size()));
            Event purchase = new Event("PURCHASE", randomInstant(), randomAmount());
            events.add(Map.of(
                    "externalId",
                    customer,
                    "type",
                    "PURCHASE",
                    "occurredAt",
                    purchase.at().toString(),
                    "amount",
                    purchase.amount().toPlainString(),
                    "currency",
                    "EUR",
                    "eventKey",
                    "concurrent-" + i));
            histories.get(customer).add(purchase);
        }
        ConcurrentWriters.postAtOnce(http, events, 8);
        assertKeptRhythmsAreTheDomains();
    }

    private void assertKeptRhythmsAreTheDomains() {
        Map<UUID, Map<String, Object>> kept = new HashMap<>();
        jdbc.queryForList("select *, cardinality(purchase_days) as day_count from customer_purchase_rhythm")
                .forEach(row -> kept.put((UUID) row.get("customer_id"), row));
        int buyers = 0;
        for (Map.Entry<String, List<Event>> customer : histories.entrySet()) {
            List<Event> purchases = customer.getValue().stream()
                    .filter(event -> event.type().equals("PURCHASE"))
                    .toList();
            Map<String, Object> row = kept.get(ids.get(customer.getKey()));
            if (purchases.isEmpty()) {
                assertThat(row).as(customer.getKey()).isNull();
                continue;
            }
            buyers++;
            PurchaseRhythm rhythm =
                    PurchaseRhythm.of(purchases.stream().map(Event::at).toList());
            assertThat(row).as(customer.getKey()).isNotNull();
            assertThat(row.get("day_count")).as(customer.getKey()).isEqualTo(rhythm.purchaseDays());
            List<LocalDate> days = purchases.stream()
                    .map(event -> LocalDate.ofInstant(event.at(), ZoneOffset.UTC))
                    .distinct()
                    .sorted()
                    .toList();
            assertThat(dates(row.get("purchase_days"))).as(customer.getKey()).isEqualTo(days);
            List<Integer> gaps = new ArrayList<>();
            for (int d = 1; d < days.size(); d++) {
                gaps.add((int) ChronoUnit.DAYS.between(days.get(d - 1), days.get(d)));
            }
            Collections.sort(gaps);
            assertThat(integers(row.get("gaps"))).as(customer.getKey()).isEqualTo(gaps);
            assertThat(row.get("median_gap")).as(customer.getKey()).isEqualTo(rhythm.medianGapDays());
            assertThat(row.get("first_gap")).as(customer.getKey()).isEqualTo(rhythm.firstGapDays());
            assertThat(((java.sql.Timestamp) row.get("last_purchase_at")).toInstant())
                    .as(customer.getKey())
                    .isEqualTo(rhythm.lastPurchaseAt());
            assertThat(row.get("segment")).as(customer.getKey()).isEqualTo(segments.get(customer.getKey()));
            assertThat(row.get("erased")).as(customer.getKey()).isEqualTo(erased.contains(customer.getKey()));
            assertThat((BigDecimal) row.get("purchase_total"))
                    .as(customer.getKey())
                    .isEqualByComparingTo(
                            purchases.stream().map(Event::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            LocalDate firstDay = purchases.stream()
                    .map(event -> LocalDate.ofInstant(event.at(), ZoneOffset.UTC))
                    .min(LocalDate::compareTo)
                    .orElseThrow();
            assertThat((BigDecimal) row.get("first_day_amount"))
                    .as(customer.getKey())
                    .isEqualByComparingTo(purchases.stream()
                            .filter(event -> LocalDate.ofInstant(event.at(), ZoneOffset.UTC)
                                    .equals(firstDay))
                            .map(Event::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertThat(kept).hasSize(buyers);
    }

    private static List<LocalDate> dates(Object array) {
        return Arrays.stream(elements(array))
                .map(day -> ((java.sql.Date) day).toLocalDate())
                .toList();
    }

    private static List<Integer> integers(Object array) {
        return Arrays.asList((Integer[]) elements(array));
    }

    private static Object[] elements(Object array) {
        try {
            return (Object[]) ((java.sql.Array) array).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theListIsTheRuleAppliedToEveryCustomer() {
        List<Instant> moments = List.of(
                Instant.parse("2026-09-01T00:00:00Z"),
                Instant.parse("2026-07-02T09:30:00Z"),
                Instant.parse("2026-01-15T13:00:00Z"),
                Instant.parse("2025-08-20T06:45:00Z"));
        int listed = 0;
        for (Instant asOf : moments) {
            List<Expected> expected = expectedList(asOf);
            listed += expected.size();
            Response response = http.get("/api/v1/customers/at-risk?limit=500&asOf=" + asOf);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode list = response.json();
            assertThat(list)
                    .extracting(item -> item.get("externalId").asString())
                    .as("as of " + asOf)
                    .containsExactlyElementsOf(
                            expected.stream().map(Expected::customer).toList());
            for (int i = 0; i < expected.size(); i++) {
                Expected want = expected.get(i);
                JsonNode got = list.get(i);
                String what = want.customer() + " as of " + asOf;
                assertThat(got.get("valueAtRisk").decimalValue()).as(what).isEqualByComparingTo(want.value());
                assertThat(got.get("thresholdDays").asDouble())
                        .as(what)
                        .isCloseTo(want.threshold().days(), within(1e-9));
                assertThat(got.get("purchaseDays").asInt())
                        .as(what)
                        .isEqualTo(want.rhythm().purchaseDays());
                assertThat(got.get("daysSinceLastPurchase").asDouble())
                        .as(what)
                        .isCloseTo(AtRiskPolicy.silentDays(want.rhythm().lastPurchaseAt(), asOf), within(1e-6));
                assertThat(got.has("medianGapDays"))
                        .as(what)
                        .isEqualTo(!want.rhythm().oneTimeBuyer());
                assertThat(got.get("reason").asString())
                        .as(what)
                        .contains(
                                want.threshold().segment() == null
                                        ? (want.rhythm().oneTimeBuyer() ? "among all customers" : "median gap")
                                        : "segment " + want.threshold().segment());
            }
            int shortLimit = 7;
            JsonNode head = http.get("/api/v1/customers/at-risk?limit=" + shortLimit + "&asOf=" + asOf)
                    .json();
            assertThat(head)
                    .extracting(item -> item.get("externalId").asString())
                    .as("the first %d as of %s", shortLimit, asOf)
                    .containsExactlyElementsOf(expected.stream()
                            .limit(shortLimit)
                            .map(Expected::customer)
                            .toList());
        }
        assertThat(listed).as("customers listed over all moments").isGreaterThan(60);
    }

    @Test
    void purchaseSummariesAreTheDomainsFromKeptRhythmsAndFromEvents() {
        LocalDate afterAll = LocalDate.of(2026, 8, 1);
        record Case(LocalDate end, String segment, ZoneId zone) {}
        List<Case> cases = List.of(
                new Case(afterAll, null, ZoneOffset.UTC),
                new Case(afterAll, "retail", ZoneId.of("UTC")),
                new Case(LocalDate.of(2026, 1, 15), null, ZoneOffset.UTC),
                new Case(afterAll, null, ZoneId.of("Asia/Kathmandu")));
        for (Case c : cases) {
            ClvSettings settings =
                    new ClvSettings(c.end(), ModelTimeUnit.WEEK, 12, new BigDecimal("0.01"), c.segment(), c.zone());
            Map<UUID, PurchaseSummary> expected = new HashMap<>();
            histories.forEach((customer, history) -> {
                SortedMap<LocalDate, BigDecimal> spendByDay = new TreeMap<>();
                history.stream()
                        .filter(event -> event.type().equals("PURCHASE"))
                        .filter(event ->
                                !LocalDate.ofInstant(event.at(), c.zone()).isAfter(c.end()))
                        .forEach(event -> spendByDay.merge(
                                LocalDate.ofInstant(event.at(), c.zone()), event.amount(), BigDecimal::add));
                if (!spendByDay.isEmpty() && (c.segment() == null || c.segment().equals(segments.get(customer)))) {
                    expected.put(ids.get(customer), PurchaseSummary.of(spendByDay, c.end(), ModelTimeUnit.WEEK));
                }
            });
            Map<UUID, PurchaseSummary> summarised = new HashMap<>();
            purchaseSummaries.summarise(settings).forEach(s -> summarised.put(s.customerId(), s.summary()));
            assertThat(summarised).as(c.toString()).hasSize(expected.size());
            expected.forEach((id, want) -> {
                PurchaseSummary got = summarised.get(id);
                assertThat(got).as(c + " " + id).isNotNull();
                assertThat(got.frequency()).as(c + " " + id).isEqualTo(want.frequency());
                assertThat(got.recency()).as(c + " " + id).isCloseTo(want.recency(), within(1e-12));
                assertThat(got.age()).as(c + " " + id).isCloseTo(want.age(), within(1e-12));
                assertThat(got.averageRepeatSpend()).as(c + " " + id).isEqualTo(want.averageRepeatSpend());
            });
        }
    }

    private record Expected(String customer, UUID id, PurchaseRhythm rhythm, Threshold threshold, BigDecimal value) {}

    private List<Expected> expectedList(Instant asOf) {
        Map<String, PurchaseRhythm> rhythms = new LinkedHashMap<>();
        List<FirstGapCount> firstGaps = new ArrayList<>();
        for (Map.Entry<String, List<Event>> customer : histories.entrySet()) {
            List<Instant> purchases = customer.getValue().stream()
                    .filter(event ->
                            event.type().equals("PURCHASE") && !event.at().isAfter(asOf))
                    .map(Event::at)
                    .toList();
            if (purchases.isEmpty() || erased.contains(customer.getKey())) {
                continue;
            }
            PurchaseRhythm rhythm = PurchaseRhythm.of(purchases);
            rhythms.put(customer.getKey(), rhythm);
            if (!rhythm.oneTimeBuyer()) {
                firstGaps.add(new FirstGapCount(segments.get(customer.getKey()), rhythm.firstGapDays(), 1));
            }
        }
        OneTimeThresholds oneTime = OneTimeThresholds.of(firstGaps);
        Instant valueFrom = AtRiskPolicy.valueWindowStart(asOf);
        List<Expected> expected = new ArrayList<>();
        rhythms.forEach((customer, rhythm) -> {
            List<Event> history = histories.get(customer);
            Optional<Threshold> threshold = AtRiskPolicy.threshold(rhythm, segments.get(customer), oneTime);
            boolean active = AtRiskPolicy.active(at(history, "CHURNED"), at(history, "REACTIVATED"), asOf);
            if (threshold.isEmpty() || !active || !AtRiskPolicy.overdue(rhythm, threshold.get(), asOf)) {
                return;
            }
            BigDecimal value = history.stream()
                    .filter(event -> event.amount() != null
                            && event.at().isAfter(valueFrom)
                            && !event.at().isAfter(asOf))
                    .map(event -> event.type().equals("PURCHASE")
                            ? event.amount()
                            : event.amount().negate())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            expected.add(new Expected(customer, ids.get(customer), rhythm, threshold.get(), value));
        });
        expected.sort((a, b) -> AtRiskPolicy.rank(a.value(), a.id(), b.value(), b.id()));
        return expected.size() > 500 ? expected.subList(0, 500) : expected;
    }

    private static List<Instant> at(List<Event> history, String type) {
        return history.stream()
                .filter(event -> event.type().equals(type))
                .map(Event::at)
                .toList();
    }
}
