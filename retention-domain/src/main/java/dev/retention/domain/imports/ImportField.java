package dev.retention.domain.imports;

import java.util.Arrays;
import java.util.Optional;

/** A field of an event that a column of an imported file can fill; {@link #value()} is its name in the API. */
public enum ImportField {
    CUSTOMER_ID("customerId"),
    EXTERNAL_ID("externalId"),
    TYPE("type"),
    OCCURRED_AT("occurredAt"),
    AMOUNT("amount"),
    CURRENCY("currency"),
    PRODUCT_ID("productId"),
    EVENT_KEY("eventKey"),
    /** Makes the file one of order lines: consecutive rows with the same order id are one event. */
    ORDER_ID("orderId"),
    QUANTITY("quantity"),
    UNIT_PRICE("unitPrice"),
    /** Names the product in the catalogue, unless it is named already. */
    PRODUCT_NAME("productName"),
    /** Fields of a customer import. */
    NAME("name"),
    EMAIL("email"),
    SEGMENT("segment"),
    ACQUIRED_AT("acquiredAt");

    /** The fields a customer import may map; every other one is an event's. */
    static final java.util.Set<ImportField> OF_CUSTOMERS =
            java.util.EnumSet.of(EXTERNAL_ID, NAME, EMAIL, SEGMENT, ACQUIRED_AT);

    private final String value;

    ImportField(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ImportField> fromValue(String value) {
        return Arrays.stream(values())
                .filter(field -> field.value.equals(value))
                .findFirst();
    }
}
