package dev.retention.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.shared.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerRulesTest {

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void externalIdIsRequired() {
        assertThat(fields(CustomerRules.checkNew(NewCustomer.withExternalId(" "))))
                .containsExactly("externalId");
        assertThat(fields(CustomerRules.checkNew(NewCustomer.withExternalId(null))))
                .containsExactly("externalId");
        assertThat(CustomerRules.checkNew(NewCustomer.withExternalId("crm-1"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "@example.com", "a b@example.com", "ada@example..com", "ada@-x.com"})
    void malformedEmailsAreRefused(String email) {
        assertThat(fields(CustomerRules.checkDetails(null, email, null, Map.of())))
                .containsExactly("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "first.last+tag@sub.example.co.uk", "o'neil@example.ie"})
    void ordinaryEmailsAreAccepted(String email) {
        assertThat(CustomerRules.checkDetails(null, email, null, Map.of())).isEmpty();
    }

    @Test
    void tooManyOrTooLongAttributesAreRefused() {
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i <= CustomerRules.MAX_ATTRIBUTES; i++) {
            many.put("k" + i, "v");
        }
        assertThat(fields(CustomerRules.checkDetails(null, null, null, many))).containsExactly("attributes");
        assertThat(fields(CustomerRules.checkDetails(null, null, null, Map.of("note", "x".repeat(513)))))
                .containsExactly("attributes.note");
    }

    @Test
    void aBlankSegmentIsRefused() {
        assertThat(fields(CustomerRules.checkDetails(null, null, "  ", Map.of())))
                .containsExactly("segment");
    }
}
