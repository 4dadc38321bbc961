package dev.retention.domain.customer;

import dev.retention.domain.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Limits on a customer's fields. Returns every violation at once so that a client can fix them in one go. */
public final class CustomerRules {

    public static final int MAX_EXTERNAL_ID_LENGTH = 128;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_SEGMENT_LENGTH = 64;
    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_ATTRIBUTE_KEY_LENGTH = 64;
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 512;

    // Practical address check (local@domain.tld); full RFC 5322 syntax accepts addresses no mail system delivers.
    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private CustomerRules() {}

    public static List<Violation> checkNew(NewCustomer customer) {
        List<Violation> violations = new ArrayList<>();
        checkExternalId(customer.externalId(), "externalId", violations);
        checkDetails(customer.name(), customer.email(), customer.segment(), customer.attributes(), violations);
        return violations;
    }

    public static List<Violation> checkDetails(
            String name, String email, String segment, Map<String, String> attributes) {
        List<Violation> violations = new ArrayList<>();
        checkDetails(name, email, segment, attributes, violations);
        return violations;
    }

    public static void checkExternalId(String externalId, String field, List<Violation> violations) {
        if (externalId == null || externalId.isBlank()) {
            violations.add(new Violation(field, "is required"));
        } else if (externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
            violations.add(new Violation(field, "must be at most " + MAX_EXTERNAL_ID_LENGTH + " characters"));
        } else if (CONTROL_CHARACTERS.matcher(externalId).find()) {
            violations.add(new Violation(field, "must not contain control characters"));
        }
    }

    private static void checkDetails(
            String name, String email, String segment, Map<String, String> attributes, List<Violation> violations) {
        checkLength("name", name, MAX_NAME_LENGTH, violations);
        if (email != null) {
            if (email.length() > MAX_EMAIL_LENGTH) {
                violations.add(new Violation("email", "must be at most " + MAX_EMAIL_LENGTH + " characters"));
            } else if (!EMAIL.matcher(email).matches()) {
                violations.add(new Violation("email", "must be an e-mail address such as name@example.com"));
            }
        }
        checkLength("segment", segment, MAX_SEGMENT_LENGTH, violations);
        if (segment != null && segment.isBlank()) {
            violations.add(new Violation("segment", "must not be blank; omit it or send null instead"));
        }
        checkAttributes(attributes, violations);
    }

    private static void checkAttributes(Map<String, String> attributes, List<Violation> violations) {
        if (attributes == null) {
            return;
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            violations.add(new Violation("attributes", "must have at most " + MAX_ATTRIBUTES + " entries"));
            return;
        }
        attributes.forEach((key, value) -> {
            if (key.isBlank() || key.length() > MAX_ATTRIBUTE_KEY_LENGTH) {
                violations.add(
                        new Violation("attributes", "keys must be 1 to " + MAX_ATTRIBUTE_KEY_LENGTH + " characters"));
            }
            if (value == null) {
                violations.add(new Violation("attributes." + key, "must be a string"));
            } else if (value.length() > MAX_ATTRIBUTE_VALUE_LENGTH) {
                violations.add(new Violation(
                        "attributes." + key, "must be at most " + MAX_ATTRIBUTE_VALUE_LENGTH + " characters"));
            }
        });
    }

    private static void checkLength(String field, String value, int max, List<Violation> violations) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }
}
