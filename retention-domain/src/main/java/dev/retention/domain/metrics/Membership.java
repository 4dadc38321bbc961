package dev.retention.domain.metrics;

import java.time.Instant;

/**
 * Restricts figures to the members of the loyalty programme or to the others, period by period: a customer counts
 * as a member in a period when it enrolled before the period's start. Taking today's membership for every period
 * would flatter the members, because customers who left rarely join afterwards (survivorship).
 */
public enum Membership {
    MEMBER,
    NON_MEMBER;

    /**
     * Whether a customer enrolled at {@code memberSince} (null: never) belongs to this group in a period that starts
     * at {@code periodStart}. Membership only grows: once a member, a customer stays one in every later period.
     */
    public boolean includes(Instant memberSince, Instant periodStart) {
        boolean member = memberSince != null && memberSince.isBefore(periodStart);
        return member == (this == MEMBER);
    }
}
