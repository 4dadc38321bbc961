package dev.retention.domain.metrics;

/** Restricts figures to the customers who are members of the loyalty programme now, or to those who are not. */
public enum Membership {
    MEMBER,
    NON_MEMBER
}
