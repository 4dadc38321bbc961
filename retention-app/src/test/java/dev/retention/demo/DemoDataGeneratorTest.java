package dev.retention.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.app.demo.DemoDataGenerator;
import dev.retention.app.demo.DemoDataGenerator.DemoData;
import dev.retention.domain.event.EventRules;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.EventType;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    private static DemoData generate() {
        return new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, "EUR").generate(500);
    }

    @Test
    void theSameSeedGivesTheSameData() {
        assertThat(generate()).isEqualTo(generate());
        assertThat(new DemoDataGenerator(7, "EUR").generate(500)).isNotEqualTo(generate());
    }

    @Test
    void everyEventIsValidAndInsideTheTwoYearWindow() {
        EventRules rules = new EventRules(Currency.getInstance("EUR"));
        Instant now = Instant.parse("2026-11-25T00:00:00Z");

        for (EventSubmission event : generate().events()) {
            assertThat(rules.checkShape(event)).as(event.toString()).isEmpty();
            assertThat(rules.checkRules(event, now)).as(event.toString()).isEmpty();
            assertThat(event.occurredAt()).isBetween(DemoDataGenerator.START, DemoDataGenerator.END);
        }
    }

    @Test
    void theDataHasAcquisitionsPurchasesChurnsAndReactivations() {
        Map<EventType, Long> byType = generate().events().stream()
                .collect(Collectors.groupingBy(EventSubmission::type, Collectors.counting()));

        assertThat(byType.get(EventType.ACQUIRED)).isEqualTo(500);
        assertThat(byType.get(EventType.PURCHASE)).isGreaterThan(2_000);
        assertThat(byType.get(EventType.CHURNED)).isGreaterThan(50);
        assertThat(byType)
                .containsKeys(EventType.REACTIVATED, EventType.REFUND, EventType.LOGIN, EventType.SUPPORT_CONTACT);
    }

    @Test
    void keysAreUniquePerCustomer() {
        DemoData data = generate();

        Map<String, Long> keys = data.events().stream()
                .collect(Collectors.groupingBy(
                        event -> event.customer().externalId() + "/" + event.eventKey(), Collectors.counting()));

        assertThat(keys.values()).containsOnly(1L);
        assertThat(data.customers().stream().collect(Collectors.toMap(c -> c.externalId(), Function.identity())))
                .hasSize(500);
    }

    @Test
    void businessCustomersSubscribeCancelWhenTheyChurnAndRetailCustomersDoNot() {
        DemoData data = generate();
        Map<String, String> segmentOf =
                data.customers().stream().collect(Collectors.toMap(c -> c.externalId(), c -> c.segment()));
        Map<String, List<EventSubmission>> subscriptions = data.events().stream()
                .filter(event -> event.type() == EventType.SUBSCRIPTION)
                .collect(Collectors.groupingBy(event -> event.customer().externalId()));

        assertThat(subscriptions.keySet())
                .allSatisfy(customer -> assertThat(segmentOf.get(customer)).isIn("sme", "enterprise"));
        assertThat(subscriptions).hasSize((int) segmentOf.values().stream()
                .filter(segment -> !segment.equals("retail"))
                .count());
        assertThat(data.events())
                .filteredOn(event -> event.type() == EventType.CHURNED)
                .allSatisfy(churn -> {
                    List<EventSubmission> plan =
                            subscriptions.get(churn.customer().externalId());
                    if (plan != null) {
                        assertThat(plan)
                                .as("a churned business customer's plan ends when it churns")
                                .anySatisfy(change -> {
                                    assertThat(change.occurredAt()).isEqualTo(churn.occurredAt());
                                    assertThat(change.amount()).isZero();
                                });
                    }
                });
    }
}
