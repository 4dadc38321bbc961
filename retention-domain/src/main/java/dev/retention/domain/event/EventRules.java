package dev.retention.domain.event;

import dev.retention.domain.shared.DecimalDigits;
import dev.retention.domain.shared.Money;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks one submitted event. Malformed input ({@link #checkShape}) and business rules ({@link #checkRules}) are
 * kept apart, because clients get a 400 for the first and a 422 for the second.
 */
public final class EventRules {

    public static final int MAX_AMOUNT_SCALE = 4;
    /** numeric(19,4): at most 15 digits before the decimal point. */
    public static final int MAX_AMOUNT_INTEGER_DIGITS = 15;

    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_PRODUCT_ID_LENGTH = 128;
    public static final int MAX_PROPERTIES = 32;
    public static final int MAX_LINES = 1_000;
    /** A line's quantity: positive, and small enough that quantity times price stays a valid amount. */
    public static final long MAX_QUANTITY = 1_000_000_000L;
    /** How far in the future an event may lie, to absorb clock skew between systems. */
    public static final Duration MAX_FUTURE_SKEW = Duration.ofDays(1);

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private final Currency reportingCurrency;

    public EventRules(Currency reportingCurrency) {
        this.reportingCurrency = reportingCurrency;
    }

    public Currency reportingCurrency() {
        return reportingCurrency;
    }

    public List<Violation> checkShape(EventSubmission event) {
        List<Violation> violations = new ArrayList<>();
        if (event.type() == null) {
            violations.add(new Violation("type", "is required"));
        }
        if (event.occurredAt() == null) {
            violations.add(new Violation("occurredAt", "is required"));
        }
        checkKey(event.eventKey(), violations);
        if (event.productId() != null
                && (event.productId().isBlank() || event.productId().length() > MAX_PRODUCT_ID_LENGTH)) {
            violations.add(new Violation("productId", "must be 1 to " + MAX_PRODUCT_ID_LENGTH + " characters"));
        }
        if (event.properties().size() > MAX_PROPERTIES) {
            violations.add(new Violation("properties", "must have at most " + MAX_PROPERTIES + " entries"));
        }
        if (event.type() != null) {
            checkAmount(event, violations);
            checkLines(event, violations);
        }
        return violations;
    }

    public List<Violation> checkRules(EventSubmission event, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (event.occurredAt() != null && event.occurredAt().isAfter(now.plus(MAX_FUTURE_SKEW))) {
            violations.add(new Violation(
                    "occurredAt", "lies more than " + MAX_FUTURE_SKEW.toHours() + " hours in the future"));
        }
        return violations;
    }

    /** True when the event's amount is in another currency than the reporting one and must be converted. */
    public boolean needsConversion(EventSubmission event) {
        return event.amount() != null
                && event.currency() != null
                && !event.currency().equals(reportingCurrency.getCurrencyCode());
    }

    private static void checkKey(String key, List<Violation> violations) {
        if (key == null || key.isBlank()) {
            violations.add(new Violation(
                    "eventKey",
                    "is required: a key unique per customer, such as the CRM's "
                            + "event id, so that a repeated post is stored once"));
        } else if (key.length() > MAX_KEY_LENGTH) {
            violations.add(new Violation("eventKey", "must be at most " + MAX_KEY_LENGTH + " characters"));
        } else if (CONTROL_CHARACTERS.matcher(key).find()) {
            violations.add(new Violation("eventKey", "must not contain control characters"));
        }
    }

    private static void checkLines(EventSubmission event, List<Violation> violations) {
        List<OrderLine> lines = event.lines();
        if (lines.isEmpty()) {
            return;
        }
        if (event.type() != EventType.PURCHASE && event.type() != EventType.REFUND) {
            violations.add(Violation.rule("lines", "are only allowed for PURCHASE and REFUND events"));
            return;
        }
        if (lines.size() > MAX_LINES) {
            violations.add(new Violation("lines", "must have at most " + MAX_LINES + " entries"));
            return;
        }
        boolean complete = true;
        for (int i = 0; i < lines.size(); i++) {
            complete &= checkLine("lines[" + i + "]", lines.get(i), violations);
        }
        BigDecimal sum = OrderLine.sum(lines);
        if (complete && sum != null && event.amount() != null && event.amount().compareTo(sum) != 0) {
            violations.add(Violation.rule(
                    "amount",
                    "must equal the sum of the lines' quantity times unitPrice (" + sum.toPlainString()
                            + "), or be left out"));
        }
    }

    /** Checks one line; false when it is incomplete or malformed. */
    private static boolean checkLine(String field, OrderLine line, List<Violation> violations) {
        int before = violations.size();
        if (line == null) {
            violations.add(new Violation(field, "must be a line, not null"));
            return false;
        }
        if (line.productId() == null
                || line.productId().isBlank()
                || line.productId().length() > MAX_PRODUCT_ID_LENGTH) {
            violations.add(
                    new Violation(field + ".productId", "must be 1 to " + MAX_PRODUCT_ID_LENGTH + " characters"));
        }
        if (line.quantity() == null) {
            violations.add(new Violation(field + ".quantity", "is required"));
        } else if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
            violations.add(new Violation(
                    field + ".quantity",
                    "must be 1 to " + MAX_QUANTITY + " (a returned line is a line of a REFUND event)"));
        }
        if (line.unitPrice() == null) {
            violations.add(new Violation(field + ".unitPrice", "is required"));
        } else if (line.unitPrice().signum() < 0) {
            violations.add(new Violation(field + ".unitPrice", "must not be negative"));
        } else {
            Violation digits = DecimalDigits.violation(
                    field + ".unitPrice", line.unitPrice(), MAX_AMOUNT_INTEGER_DIGITS, MAX_AMOUNT_SCALE);
            if (digits != null) {
                violations.add(digits);
            }
        }
        return violations.size() == before;
    }

    private static void checkAmount(EventSubmission event, List<Violation> violations) {
        BigDecimal amount = event.amount();
        if (!event.type().carriesAmount()) {
            if (amount != null) {
                violations.add(
                        Violation.rule("amount", "is only allowed for PURCHASE, REFUND and SUBSCRIPTION events"));
            }
            if (event.currency() != null) {
                violations.add(
                        Violation.rule("currency", "is only allowed for PURCHASE, REFUND and SUBSCRIPTION events"));
            }
            return;
        }
        if (amount == null) {
            if (event.lines().isEmpty()) {
                violations.add(Violation.rule("amount", "is required for " + event.type() + " events"));
            }
            // else the lines say what keeps them from adding up to an amount
        } else if (amount.signum() < 0) {
            violations.add(new Violation(
                    "amount", "must not be negative (a refund is a REFUND event with a positive amount)"));
        } else if (amount.signum() == 0 && event.type() == EventType.REFUND) {
            // A free order is a purchase of 0: activity without revenue; a subscription of 0 ends it. A refund of
            // nothing is no event.
            violations.add(Violation.rule("amount", "must be positive for a REFUND"));
        } else {
            Violation digits = DecimalDigits.violation("amount", amount, MAX_AMOUNT_INTEGER_DIGITS, MAX_AMOUNT_SCALE);
            if (digits != null) {
                violations.add(digits);
            }
        }
        if (event.currency() == null) {
            violations.add(Violation.rule("currency", "is required for " + event.type() + " events"));
        } else if (!Money.isCurrencyCode(event.currency())) {
            violations.add(new Violation("currency", "must be an ISO 4217 code such as EUR"));
        }
    }
}
