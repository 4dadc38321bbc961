package dev.retention.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aCustomerEnrolledBeforeThePeriodStartsIsAMemberInIt() {
        Instant february = Instant.parse("2026-02-15T00:00:00Z");

        assertThat(Membership.MEMBER.includes(february, MARCH)).isTrue();
        assertThat(Membership.NON_MEMBER.includes(february, MARCH)).isFalse();
    }

    @Test
    void aCustomerEnrolledAtOrAfterThePeriodStartIsNotYetAMemberInIt() {
        assertThat(Membership.MEMBER.includes(MARCH, MARCH)).isFalse();
        assertThat(Membership.NON_MEMBER.includes(MARCH, MARCH)).isTrue();
        assertThat(Membership.MEMBER.includes(MARCH.plusSeconds(1), MARCH)).isFalse();
    }

    @Test
    void aCustomerWhoNeverEnrolledIsNeverAMember() {
        assertThat(Membership.MEMBER.includes(null, MARCH)).isFalse();
        assertThat(Membership.NON_MEMBER.includes(null, MARCH)).isTrue();
    }

    @Test
    void aTallyCountsACustomerInTheGroupOfEachPeriod() {
        ReportingPeriods months = ReportingPeriods.between(
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-01"), Granularity.MONTH, ZoneOffset.UTC);
        Lifecycle steady = LifecyclePolicy.contractual(null, Instant.parse("2025-12-01T00:00:00Z"), List.of())
                .orElseThrow()
                .withMemberSince(Instant.parse("2026-02-01T00:00:00Z"));
        RetentionTally members = new RetentionTally(months, Membership.MEMBER);
        RetentionTally others = new RetentionTally(months, Membership.NON_MEMBER);

        members.add(steady);
        others.add(steady);

        RetentionReport m = members.report(Collections.nCopies(3, BigDecimal.ZERO), Valuation.DEFAULT, MARCH);
        RetentionReport o = others.report(Collections.nCopies(3, BigDecimal.ZERO), Valuation.DEFAULT, MARCH);
        // Enrolled on February 1, the start of February itself: a member from March on.
        assertThat(m.periods()).extracting(RetentionFigures::startCustomers).containsExactly(0L, 0L, 1L);
        assertThat(o.periods()).extracting(RetentionFigures::startCustomers).containsExactly(1L, 1L, 0L);
        assertThat(o.periods()).extracting(RetentionFigures::endCustomers).containsExactly(1L, 1L, 0L);
        assertThat(o.totals().startCustomers()).isEqualTo(1);
        assertThat(m.totals().startCustomers()).isZero();
    }
}
