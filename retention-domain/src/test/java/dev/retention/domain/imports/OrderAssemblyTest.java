package dev.retention.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.event.EventType;
import dev.retention.domain.event.OrderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderAssemblyTest {

    private static final List<String> HEADER =
            List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID");

    private final EventRows rows = EventRows.of(
            HEADER,
            new ImportMapping(
                    Map.of(
                            ImportField.ORDER_ID, "InvoiceNo",
                            ImportField.PRODUCT_ID, "StockCode",
                            ImportField.PRODUCT_NAME, "Description",
                            ImportField.QUANTITY, "Quantity",
                            ImportField.OCCURRED_AT, "InvoiceDate",
                            ImportField.UNIT_PRICE, "UnitPrice",
                            ImportField.EXTERNAL_ID, "CustomerID"),
                    null,
                    "GBP",
                    java.time.ZoneId.of("Europe/London"),
                    "yyyy-MM-dd HH:mm:ss",
                    true,
                    ',',
                    Set.of("POST")));

    /** Feeds the rows in order and returns every order closed, the last one included. */
    private List<OrderAssembly.Order> assemble(String... lines) {
        OrderAssembly assembly = new OrderAssembly();
        List<OrderAssembly.Order> orders = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            OrderAssembly.Order closed = assembly.add(
                    rows.parse(List.of(lines[i].split(",", -1))), new OrderAssembly.Source(i + 2, lines[i]));
            if (closed != null) {
                orders.add(closed);
            }
        }
        OrderAssembly.Order last = assembly.finish();
        if (last != null) {
            orders.add(last);
        }
        return orders;
    }

    @Test
    void consecutiveLinesOfAnOrderAreOnePurchaseWorthTheirSum() {
        List<OrderAssembly.Order> orders = assemble(
                "536370,22728,ALARM CLOCK,24,2010-12-01 08:45:00,3.75,12583",
                "536370,22727,ALARM CLOCK RED,12,2010-12-01 08:45:00,3.75,12583",
                "536371,22086,PAPER CHAIN,80,2010-12-01 09:00:00,2.55,13748");

        assertThat(orders).hasSize(2);
        OrderAssembly.Order first = orders.get(0);
        assertThat(first.event().type()).isEqualTo(EventType.PURCHASE);
        assertThat(first.event().eventKey()).isEqualTo("536370");
        assertThat(first.event().lines()).extracting(OrderLine::productId).containsExactly("22728", "22727");
        // 24 x 3.75 + 12 x 3.75 = 90.00 + 45.00
        assertThat(first.event().amount()).isEqualByComparingTo("135.00");
        // 08:45 in London on 1 December is 08:45 UTC (winter time)
        assertThat(first.event().occurredAt()).hasToString("2010-12-01T08:45:00Z");
        assertThat(first.sources()).extracting(OrderAssembly.Source::line).containsExactly(2L, 3L);
        assertThat(first.productNames())
                .containsEntry("22728", "ALARM CLOCK")
                .containsEntry("22727", "ALARM CLOCK RED");
        assertThat(orders.get(1).event().amount()).isEqualByComparingTo("204.00");
    }

    @Test
    void anOrderOfNegativeQuantitiesIsARefundOfThoseLines() {
        List<OrderAssembly.Order> orders = assemble(
                "C536379,22728,ALARM CLOCK,-2,2010-12-01 09:41:00,3.75,12583",
                "C536379,22727,ALARM CLOCK RED,-1,2010-12-01 09:41:00,3.75,12583");

        assertThat(orders.get(0).event().type()).isEqualTo(EventType.REFUND);
        assertThat(orders.get(0).event().lines())
                .extracting(OrderLine::quantity)
                .containsExactly(2L, 1L);
        assertThat(orders.get(0).event().amount()).isEqualByComparingTo("11.25");
    }

    @Test
    void excludedProductsAreSetAsideAndTheOrderStoredWithoutThem() {
        List<OrderAssembly.Order> orders = assemble(
                "536370,22728,ALARM CLOCK,24,2010-12-01 08:45:00,3.75,12583",
                "536370,POST,POSTAGE,3,2010-12-01 08:45:00,18.00,12583");

        assertThat(orders.get(0).event().lines())
                .extracting(OrderLine::productId)
                .containsExactly("22728");
        assertThat(orders.get(0).refused()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.reason()).contains("'POST' is excluded");
        });
    }

    @Test
    void oneUnreadableLineRefusesItsWholeOrderAndMixedSignsToo() {
        List<OrderAssembly.Order> orders = assemble(
                "536370,22728,ALARM CLOCK,24,2010-12-01 08:45:00,3.75,12583",
                "536370,22727,ALARM CLOCK RED,lots,2010-12-01 08:45:00,3.75,12583",
                "536372,22632,HAND WARMER,6,2010-12-01 09:01:00,1.85,17850",
                "536372,22633,HAND WARMER UNION JACK,-6,2010-12-01 09:01:00,1.85,17850");

        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).event()).isNull();
        assertThat(orders.get(0).refused())
                .extracting(RefusedRow::line, RefusedRow::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(3L, "quantity 'lots' is not a whole number"),
                        org.assertj.core.groups.Tuple.tuple(
                                2L, "order 536370 is refused whole: line 3 of it cannot be read"));
        assertThat(orders.get(1).event()).isNull();
        assertThat(orders.get(1).refused())
                .extracting(RefusedRow::reason)
                .containsOnly("order 536372 mixes bought (positive) and returned (negative) quantities");
    }

    @Test
    void theSameOrderNumberForAnotherCustomerIsAnotherOrder() {
        List<OrderAssembly.Order> orders = assemble(
                "536370,22728,ALARM CLOCK,1,2010-12-01 08:45:00,3.75,12583",
                "536370,22727,ALARM CLOCK RED,1,2010-12-01 08:45:00,3.75,99999");

        assertThat(orders).hasSize(2);
    }
}
