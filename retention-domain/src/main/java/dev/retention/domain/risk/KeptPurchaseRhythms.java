package dev.retention.domain.risk;

/** The {@link PurchaseRhythm} of every customer who has bought, which the store keeps up to date as purchases arrive. */
public interface KeptPurchaseRhythms {

    /** Recomputes every kept rhythm from the events; returns how many customers have one. */
    long rebuild();
}
