package dev.retention.api.customer;

import dev.retention.domain.customer.CustomerChanges;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads a JSON merge patch (RFC 7396) of the patchable customer fields. */
final class CustomerMergePatch {

    private static final Set<String> PATCHABLE = Set.of("name", "email", "segment", "attributes");

    private CustomerMergePatch() {}

    static CustomerChanges read(JsonNode patch, Optional<Long> expectedVersion) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInputException.of("", "a merge patch must be a JSON object");
        }
        List<Violation> violations = new ArrayList<>();
        for (String field : patch.propertyNames()) {
            if (!PATCHABLE.contains(field)) {
                violations.add(new Violation(field, "cannot be changed; patchable fields are " + PATCHABLE));
            }
        }
        Optional<Optional<String>> name = text(patch, "name", violations);
        Optional<Optional<String>> email = text(patch, "email", violations);
        Optional<Optional<String>> segment = text(patch, "segment", violations);
        boolean clearAttributes = false;
        Map<String, String> attributeChanges = new LinkedHashMap<>();
        JsonNode attributes = patch.get("attributes");
        if (attributes != null) {
            if (attributes.isNull()) {
                clearAttributes = true;
            } else if (attributes.isObject()) {
                for (Map.Entry<String, JsonNode> entry : attributes.properties()) {
                    JsonNode value = entry.getValue();
                    if (value.isNull() || value.isString()) {
                        attributeChanges.put(entry.getKey(), value.isNull() ? null : value.asString());
                    } else {
                        violations.add(new Violation("attributes." + entry.getKey(), "must be a string or null"));
                    }
                }
            } else {
                violations.add(new Violation("attributes", "must be an object or null"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new CustomerChanges(name, email, segment, clearAttributes, attributeChanges, expectedVersion);
    }

    private static Optional<Optional<String>> text(JsonNode patch, String field, List<Violation> violations) {
        JsonNode value = patch.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (!value.isString()) {
            violations.add(new Violation(field, "must be a string or null"));
            return Optional.empty();
        }
        return Optional.of(Optional.of(value.asString()));
    }
}
