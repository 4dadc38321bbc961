package dev.retention.domain.shared;

import java.util.List;

/**
 * Input refused field by field: malformed or out of range, or, where every violation is a {@link Violation#rule},
 * well-formed but breaking rules that relate values to each other, to the present or to stored data.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super("Invalid input: " + violations);
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** True when the input is well-formed and only breaks rules between values (see {@link Violation#rule}). */
    public boolean onlyRulesBroken() {
        return !violations.isEmpty() && violations.stream().allMatch(Violation::rule);
    }

    public static InvalidInputException rule(String field, String message) {
        return new InvalidInputException(List.of(Violation.rule(field, message)));
    }
}
