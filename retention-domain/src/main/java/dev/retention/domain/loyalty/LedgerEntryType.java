package dev.retention.domain.loyalty;

/** What changed a balance. */
public enum LedgerEntryType {
    EARN,
    REDEEM,
    EXPIRE,
    ADJUST,
    CLAWBACK
}
