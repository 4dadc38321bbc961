package dev.retention.domain.imports;

/** What the rows of an imported file are. */
public enum ImportKind {
    /** Events (or order lines), stored through the rules and keys of the batch API. */
    EVENTS,
    /** Customers, registered under their external ids; those known already are left as they are. */
    CUSTOMERS
}
