package dev.retention.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.domain.event.EventType;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportMappingTest {

    private static ImportMapping withPattern(String pattern) {
        return new ImportMapping(
                Map.of(ImportField.EXTERNAL_ID, "customer", ImportField.OCCURRED_AT, "at"),
                EventType.LOGIN,
                null,
                null,
                pattern,
                true,
                ',');
    }

    @Test
    void aPatternThatJavaTimeCannotReadIsRefusedAsSuch() {
        for (String pattern : new String[] {"p'x'", "pdH"}) {
            assertThatThrownBy(() -> withPattern(pattern).check())
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            refused -> assertThat(refused.violations())
                                    .extracting(Violation::field)
                                    .containsExactly("timestampPattern"));
        }
        withPattern("dd/MM/yyyy HH:mm").check();
    }

    @Test
    void aMappingNeedsACustomerATimeAndAType() {
        ImportMapping nothing = new ImportMapping(Map.of(), null, null, null, null, true, ',');

        assertThatThrownBy(nothing::check).isInstanceOfSatisfying(InvalidInputException.class, refused -> {
            assertThat(refused.onlyRulesBroken()).isTrue();
            assertThat(refused.violations())
                    .extracting(Violation::message)
                    .contains("must map customerId or externalId", "must map occurredAt");
        });
    }

    @Test
    void anOrderLinesFileNeedsProductQuantityAndPriceAndNoAmount() {
        ImportMapping partial = new ImportMapping(
                Map.of(
                        ImportField.EXTERNAL_ID, "customer",
                        ImportField.OCCURRED_AT, "at",
                        ImportField.ORDER_ID, "invoice",
                        ImportField.AMOUNT, "total"),
                null,
                "GBP",
                null,
                null,
                true,
                ',');

        assertThatThrownBy(partial::check)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(Violation::message)
                                .containsExactlyInAnyOrder(
                                        "must map productId when orderId is mapped",
                                        "must map quantity when orderId is mapped",
                                        "must map unitPrice when orderId is mapped",
                                        "must not be mapped with orderId: an order's amount is the sum of its lines"));
    }

    @Test
    void quantitiesWithoutOrdersAreRefused() {
        ImportMapping quantities = new ImportMapping(
                Map.of(ImportField.EXTERNAL_ID, "customer", ImportField.OCCURRED_AT, "at", ImportField.QUANTITY, "qty"),
                EventType.PURCHASE,
                "GBP",
                null,
                null,
                true,
                ',');

        assertThatThrownBy(quantities::check)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(Violation::field)
                                .containsExactly("columns.quantity"));
    }

    @Test
    void aCustomerImportMapsTheCustomersFieldsOnly() {
        ImportMapping customers = new ImportMapping(
                Map.of(ImportField.EXTERNAL_ID, "id", ImportField.EMAIL, "mail", ImportField.OCCURRED_AT, "at"),
                null,
                null,
                null,
                null,
                true,
                ',',
                java.util.Set.of(),
                ImportKind.CUSTOMERS);
        ImportMapping withoutId = new ImportMapping(
                Map.of(ImportField.NAME, "name"),
                null,
                null,
                null,
                null,
                true,
                ',',
                java.util.Set.of(),
                ImportKind.CUSTOMERS);
        ImportMapping eventsWithEmail = new ImportMapping(
                Map.of(ImportField.EXTERNAL_ID, "id", ImportField.OCCURRED_AT, "at", ImportField.EMAIL, "mail"),
                EventType.LOGIN,
                null,
                null,
                null,
                true,
                ',');

        assertThatThrownBy(customers::check)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(Violation::field)
                                .containsExactly("columns.occurredAt"));
        assertThatThrownBy(withoutId::check)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(Violation::message)
                                .containsExactly("must map externalId: customers are imported by their CRM id"));
        assertThatThrownBy(eventsWithEmail::check)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(Violation::field)
                                .containsExactly("columns.email"));
    }
}
