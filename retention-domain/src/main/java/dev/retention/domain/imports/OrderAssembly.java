package dev.retention.domain.imports;

import dev.retention.domain.event.CustomerReference;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.EventType;
import dev.retention.domain.event.OrderLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins consecutive order lines of one order and customer into one event. An order is stored whole or not at all:
 * one line that cannot be read refuses the others with it. A line naming an excluded product is only set aside.
 * An order whose quantities are all negative is a REFUND of its lines; one that mixes signs is refused.
 */
final class OrderAssembly {

    /** A row of the file as read. */
    record Source(long line, String text) {}

    /**
     * A finished order: its event, rows and the names its rows gave its products; or the refusals of its rows.
     */
    record Order(
            EventSubmission event, List<Source> sources, List<RefusedRow> refused, Map<String, String> productNames) {}

    private String orderId;
    private CustomerReference customer;
    private EventSubmission first;
    private final List<OrderLine> lines = new ArrayList<>();
    private final Map<String, String> productNames = new HashMap<>();
    private final List<Source> sources = new ArrayList<>();
    private final List<RefusedRow> refused = new ArrayList<>();
    private String brokenBy;
    private boolean bought;
    private boolean returned;

    /** Takes a row in; returns the order it closed when it starts another one, else null. */
    Order add(EventRows.Parsed parsed, Source source) {
        if (parsed.excluded()) {
            refused.add(new RefusedRow(source.line(), source.text(), String.join("; ", parsed.reasons())));
            return null;
        }
        CustomerReference rowCustomer =
                parsed.event() == null ? null : parsed.event().customer();
        Order closed = null;
        boolean sameOrder = parsed.orderId() != null
                && parsed.orderId().equals(orderId)
                && (rowCustomer == null || customer == null || Objects.equals(rowCustomer, customer));
        if (!sameOrder) {
            closed = finish();
            orderId = parsed.orderId();
        }
        sources.add(source);
        if (parsed.event() == null) {
            refused.add(new RefusedRow(source.line(), source.text(), String.join("; ", parsed.reasons())));
            if (brokenBy == null) {
                brokenBy = "line " + source.line();
            }
            return closed;
        }
        if (first == null) {
            first = parsed.event();
            customer = rowCustomer;
        }
        OrderLine line = parsed.event().lines().get(0);
        lines.add(line);
        if (parsed.productName() != null) {
            productNames.putIfAbsent(line.productId(), parsed.productName());
        }
        bought |= !parsed.returned();
        returned |= parsed.returned();
        return closed;
    }

    /** Closes the order being read, if any. */
    Order finish() {
        if (sources.isEmpty() && refused.isEmpty()) {
            return null;
        }
        Order order;
        List<RefusedRow> refusals = new ArrayList<>(refused);
        if (brokenBy != null || first == null) {
            refuseTheRest(refusals, "order " + orderId + " is refused whole: " + brokenBy + " of it cannot be read");
            order = new Order(null, List.copyOf(sources), refusals, Map.of());
        } else if (bought && returned) {
            refuseTheRest(refusals, "order " + orderId + " mixes bought (positive) and returned (negative) quantities");
            order = new Order(null, List.copyOf(sources), refusals, Map.of());
        } else {
            EventType type = returned ? EventType.REFUND : first.type();
            order = new Order(
                    new EventSubmission(
                            first.customer(),
                            type,
                            first.occurredAt(),
                            null,
                            first.currency(),
                            null,
                            first.properties(),
                            first.eventKey(),
                            lines),
                    List.copyOf(sources),
                    refusals,
                    Map.copyOf(productNames));
        }
        orderId = null;
        customer = null;
        first = null;
        lines.clear();
        productNames.clear();
        sources.clear();
        refused.clear();
        brokenBy = null;
        bought = false;
        returned = false;
        return order;
    }

    /** Refuses every row of the order not refused yet, with the reason. */
    private void refuseTheRest(List<RefusedRow> refusals, String reason) {
        for (Source source : sources) {
            if (refusals.stream().noneMatch(row -> row.line() == source.line())) {
                refusals.add(new RefusedRow(source.line(), source.text(), reason));
            }
        }
    }
}
