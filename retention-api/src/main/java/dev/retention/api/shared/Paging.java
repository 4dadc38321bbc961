package dev.retention.api.shared;

import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.Violation;
import java.util.ArrayList;
import java.util.List;

/** Turns {@code page} and {@code size} query parameters into a page request, or a 400 naming the parameter. */
public final class Paging {

    public static final String DEFAULT_SIZE = "50";

    private Paging() {}

    public static PageRequest of(int page, int size) {
        List<Violation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new Violation("page", "must be 0 or more"));
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            violations.add(new Violation("size", "must be between 1 and " + PageRequest.MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new PageRequest(page, size);
    }
}
