package dev.retention.domain.shared;

import java.util.List;

/** Well-formed input that a business rule refuses, such as a redemption beyond the points balance. */
public class RuleViolationException extends RuntimeException {

    private final String problem;
    private final List<Violation> violations;

    public RuleViolationException(String problem, String message, List<Violation> violations) {
        super(message);
        this.problem = problem;
        this.violations = List.copyOf(violations);
    }

    public String problem() {
        return problem;
    }

    public List<Violation> violations() {
        return violations;
    }
}
