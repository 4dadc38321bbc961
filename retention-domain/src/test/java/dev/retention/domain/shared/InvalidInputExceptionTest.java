package dev.retention.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void aRequestThatOnlyBreaksRulesBetweenValuesIsWellFormed() {
        InvalidInputException refused = new InvalidInputException(
                List.of(Violation.rule("endsAt", "must be after startsAt"), Violation.rule("target", "must name one")));

        assertThat(refused.onlyRulesBroken()).isTrue();
    }

    @Test
    void anyMalformedValueMakesTheRequestMalformed() {
        InvalidInputException refused = new InvalidInputException(List.of(
                Violation.rule("endsAt", "must be after startsAt"), new Violation("holdoutPercent", "must be 1-50")));

        assertThat(refused.onlyRulesBroken()).isFalse();
    }

    @Test
    void aPrefixedRuleStaysARule() {
        assertThat(Violation.rule("amount", "is required for PURCHASE events").withFieldPrefix("events[3]"))
                .isEqualTo(Violation.rule("events[3].amount", "is required for PURCHASE events"));
    }
}
