package dev.retention.domain.metrics;

/**
 * Which customers count: those of {@code segment} (null: any) in the {@code membership} group (null: members or not).
 * Membership is decided period by period (see {@link Membership}), so it is applied where periods are counted, not
 * by leaving customers out.
 */
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
