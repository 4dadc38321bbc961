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
    EVENT_KEY("eventKey");

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
