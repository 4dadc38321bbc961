package dev.retention.domain.security;

import java.util.Arrays;
import java.util.Optional;

/** What a credential may do. {@link #ADMIN} includes every other scope. */
public enum Scope {
    METRICS_READ("metrics:read"),
    CUSTOMERS_READ("customers:read"),
    CUSTOMERS_WRITE("customers:write"),
    EVENTS_WRITE("events:write"),
    MODELS_WRITE("models:write"),
    LOYALTY_READ("loyalty:read"),
    LOYALTY_WRITE("loyalty:write"),
    STRATEGIES_READ("strategies:read"),
    STRATEGIES_WRITE("strategies:write"),
    WEBHOOKS_WRITE("webhooks:write"),
    ADMIN("admin"),
    OPS("ops");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The scope as clients write it, such as {@code customers:read}. */
    public String value() {
        return value;
    }

    public static Optional<Scope> fromValue(String value) {
        return Arrays.stream(values())
                .filter(scope -> scope.value.equals(value))
                .findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
