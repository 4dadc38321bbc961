package dev.retention.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerChangesTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");

    private final Customer ada = Customer.register(
            CustomerId.random(),
            new NewCustomer(
                    "crm-1", "Ada", "ada@example.com", "retail", CREATED, Map.of("country", "DE", "tier", "gold")),
            CREATED);

    @Test
    void absentFieldsStayAsTheyAre() {
        Customer changed = CustomerChanges.none().applyTo(ada, NOW);

        assertThat(changed.name()).isEqualTo("Ada");
        assertThat(changed.email()).isEqualTo("ada@example.com");
        assertThat(changed.segment()).isEqualTo("retail");
        assertThat(changed.attributes()).isEqualTo(ada.attributes());
        assertThat(changed.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aValueSetsAFieldAndNullClearsIt() {
        CustomerChanges changes = new CustomerChanges(
                Optional.of(Optional.of("Ada King")),
                Optional.of(Optional.empty()),
                Optional.empty(),
                false,
                Map.of(),
                Optional.empty());

        Customer changed = changes.applyTo(ada, NOW);

        assertThat(changed.name()).isEqualTo("Ada King");
        assertThat(changed.email()).isNull();
        assertThat(changed.segment()).isEqualTo("retail");
    }

    @Test
    void attributesMergeKeyByKeyAndNullRemovesAKey() {
        Map<String, String> attributeChanges = new HashMap<>();
        attributeChanges.put("tier", null);
        attributeChanges.put("language", "de");
        CustomerChanges changes = new CustomerChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), false, attributeChanges, Optional.empty());

        assertThat(changes.applyTo(ada, NOW).attributes()).isEqualTo(Map.of("country", "DE", "language", "de"));
    }

    @Test
    void clearingAttributesRemovesAllBeforeTheNewOnesApply() {
        CustomerChanges changes = new CustomerChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), true, Map.of("language", "de"), Optional.empty());

        assertThat(changes.applyTo(ada, NOW).attributes()).isEqualTo(Map.of("language", "de"));
    }

    @Test
    void erasureWipesPersonalDataButKeepsIdentityAndAcquisition() {
        Customer erased = ada.erased(NOW);

        assertThat(erased.isErased()).isTrue();
        assertThat(erased.name()).isNull();
        assertThat(erased.email()).isNull();
        assertThat(erased.attributes()).isEmpty();
        assertThat(erased.externalId()).isEqualTo("crm-1");
        assertThat(erased.acquiredAt()).isEqualTo(CREATED);
    }
}
