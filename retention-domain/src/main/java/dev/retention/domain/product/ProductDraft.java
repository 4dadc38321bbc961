package dev.retention.domain.product;

import dev.retention.domain.event.EventRules;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a client says about a product; {@code active} defaults to true. */
public record ProductDraft(String name, String category, Boolean active) {

    public static final int MAX_NAME_LENGTH = 300;
    public static final int MAX_CATEGORY_LENGTH = 128;

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    public boolean isActive() {
        return active == null || active;
    }

    void check(String id) {
        List<Violation> violations = new ArrayList<>();
        if (id == null
                || id.isBlank()
                || id.length() > EventRules.MAX_PRODUCT_ID_LENGTH
                || CONTROL_CHARACTERS.matcher(id).find()) {
            violations.add(new Violation(
                    "id", "must be 1 to " + EventRules.MAX_PRODUCT_ID_LENGTH + " characters, no control characters"));
        }
        if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH)) {
            violations.add(new Violation("name", "must be 1 to " + MAX_NAME_LENGTH + " characters"));
        }
        if (category != null && (category.isBlank() || category.length() > MAX_CATEGORY_LENGTH)) {
            violations.add(new Violation("category", "must be 1 to " + MAX_CATEGORY_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
