package dev.retention.domain.imports;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.CustomerReference;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.EventType;
import dev.retention.domain.event.OrderLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Turns the rows of a file into events by a mapping, or says why a row cannot be one. */
final class EventRows {

    /**
     * A row as an event, or the reasons it is not one. For order lines, also its order, whether it is a returned
     * line, whether it names an excluded product (which leaves its order whole), and the product's name.
     */
    record Parsed(
            EventSubmission event,
            List<String> reasons,
            String orderId,
            boolean returned,
            boolean excluded,
            String productName) {

        static Parsed refused(List<String> reasons) {
            return new Parsed(null, reasons, null, false, false, null);
        }

        static Parsed event(EventSubmission event) {
            return new Parsed(event, List.of(), null, false, false, null);
        }
    }

    private final ImportMapping mapping;
    private final Map<ImportField, Integer> index;
    private final RowFields times;

    private EventRows(ImportMapping mapping, Map<ImportField, Integer> index) {
        this.mapping = mapping;
        this.index = index;
        this.times = new RowFields(mapping);
    }

    /** The mapping against the file's header row; fails naming the columns the header lacks. */
    static EventRows of(List<String> header, ImportMapping mapping) {
        return new EventRows(mapping, RowFields.columnsOf(header, mapping));
    }

    Parsed parse(List<String> fields) {
        return mapping.ordersOfLines() ? parseLine(fields) : parseEvent(fields);
    }

    private Parsed parseLine(List<String> fields) {
        List<String> reasons = new ArrayList<>();
        String orderId = value(fields, ImportField.ORDER_ID);
        if (orderId == null) {
            reasons.add("orderId is empty");
        }
        String productId = value(fields, ImportField.PRODUCT_ID);
        String productName = value(fields, ImportField.PRODUCT_NAME);
        if (productId == null) {
            reasons.add("productId is empty");
        } else if (mapping.excludedProducts().contains(productId)) {
            return new Parsed(
                    null,
                    List.of("productId '" + productId + "' is excluded (excludedProducts): not a product"),
                    orderId,
                    false,
                    true,
                    null);
        }
        CustomerReference customer = customer(fields, reasons);
        EventType type = value(fields, ImportField.TYPE) == null && mapping.type() == null
                ? EventType.PURCHASE
                : type(fields, reasons);
        Instant occurredAt = occurredAt(fields, reasons);
        String currency = currency(fields, reasons);
        Long quantity = quantity(fields, reasons);
        BigDecimal unitPrice = number(fields, ImportField.UNIT_PRICE, reasons);
        if (unitPrice == null && !reasons.stream().anyMatch(reason -> reason.startsWith("unitPrice"))) {
            reasons.add("unitPrice is empty");
        }
        if (!reasons.isEmpty()) {
            return new Parsed(null, reasons, orderId, false, false, productName);
        }
        String key = value(fields, ImportField.EVENT_KEY);
        EventSubmission line = new EventSubmission(
                customer,
                type,
                occurredAt,
                null,
                currency,
                null,
                Map.of(),
                key == null ? orderId : key,
                List.of(new OrderLine(productId, Math.abs(quantity), unitPrice)));
        return new Parsed(line, List.of(), orderId, quantity < 0, false, productName);
    }

    private Long quantity(List<String> fields, List<String> reasons) {
        String value = value(fields, ImportField.QUANTITY);
        if (value == null) {
            reasons.add("quantity is empty");
            return null;
        }
        try {
            long quantity = new BigDecimal(value).longValueExact();
            if (quantity == 0) {
                reasons.add("quantity is 0");
                return null;
            }
            return quantity;
        } catch (NumberFormatException | ArithmeticException malformed) {
            reasons.add("quantity '" + value + "' is not a whole number");
            return null;
        }
    }

    private Parsed parseEvent(List<String> fields) {
        List<String> reasons = new ArrayList<>();
        CustomerReference customer = customer(fields, reasons);
        EventType type = type(fields, reasons);
        Instant occurredAt = occurredAt(fields, reasons);
        BigDecimal amount = amount(fields, reasons);
        String currency = amount == null ? null : currency(fields, reasons);
        String productId = value(fields, ImportField.PRODUCT_ID);
        if (!reasons.isEmpty()) {
            return Parsed.refused(reasons);
        }
        String key = value(fields, ImportField.EVENT_KEY);
        if (key == null) {
            key = derivedKey(customer, type, occurredAt, amount, currency, productId);
        }
        return Parsed.event(
                new EventSubmission(customer, type, occurredAt, amount, currency, productId, Map.of(), key));
    }

    private CustomerReference customer(List<String> fields, List<String> reasons) {
        String id = value(fields, ImportField.CUSTOMER_ID);
        String externalId = value(fields, ImportField.EXTERNAL_ID);
        if (id != null) {
            try {
                return new CustomerReference(CustomerId.of(UUID.fromString(id)), externalId, false);
            } catch (IllegalArgumentException malformed) {
                reasons.add("customerId '" + id + "' is not a UUID");
                return null;
            }
        }
        if (externalId == null) {
            reasons.add("no customer: " + (index.containsKey(ImportField.EXTERNAL_ID) ? "externalId" : "customerId")
                    + " is empty");
            return null;
        }
        return CustomerReference.byExternalId(externalId, mapping.createCustomers());
    }

    private EventType type(List<String> fields, List<String> reasons) {
        String value = value(fields, ImportField.TYPE);
        if (value == null) {
            if (mapping.type() == null) {
                reasons.add("type is empty");
            }
            return mapping.type();
        }
        try {
            return EventType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            reasons.add("type '" + value + "' is not an event type (" + List.of(EventType.values()) + ")");
            return null;
        }
    }

    private Instant occurredAt(List<String> fields, List<String> reasons) {
        return times.read(value(fields, ImportField.OCCURRED_AT), ImportField.OCCURRED_AT, true, reasons);
    }

    private BigDecimal amount(List<String> fields, List<String> reasons) {
        return number(fields, ImportField.AMOUNT, reasons);
    }

    private BigDecimal number(List<String> fields, ImportField field, List<String> reasons) {
        String value = value(fields, field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException malformed) {
            reasons.add(field.value() + " '" + value + "' is not a number");
            return null;
        }
    }

    private String currency(List<String> fields, List<String> reasons) {
        String value = value(fields, ImportField.CURRENCY);
        String currency = value == null ? mapping.currency() : value.toUpperCase(Locale.ROOT);
        if (currency == null) {
            reasons.add("an amount needs a currency: map a currency column or give one for every row");
        }
        return currency;
    }

    private String value(List<String> fields, ImportField field) {
        return RowFields.value(index, fields, field);
    }

    /**
     * A key from the row's content, so that importing the same file again stores nothing twice; rows equal in
     * every mapped field are one event.
     */
    private static String derivedKey(
            CustomerReference customer,
            EventType type,
            Instant occurredAt,
            BigDecimal amount,
            String currency,
            String productId) {
        String content = (customer.id() == null
                        ? "x:" + customer.externalId()
                        : "i:" + customer.id().value()) + "|"
                + type + "|" + occurredAt + "|"
                + (amount == null ? "" : amount.stripTrailingZeros().toPlainString())
                + "|" + (currency == null ? "" : currency) + "|" + (productId == null ? "" : productId);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "csv-" + HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
