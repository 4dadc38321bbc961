package dev.retention.domain.metrics;

/** Which customers count: those of {@code segment} (null: any) with {@code membership} (null: members or not). */
public record CustomerFilter(String segment, Membership membership) {

    public static final CustomerFilter ALL = new CustomerFilter(null, null);

    public boolean isAll() {
        return segment == null && membership == null;
    }

    /** The membership as text for SQL parameters; null when it does not matter. */
    public String membershipName() {
        return membership == null ? null : membership.name();
    }
}
