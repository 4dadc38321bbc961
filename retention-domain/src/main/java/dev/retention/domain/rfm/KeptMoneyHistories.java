package dev.retention.domain.rfm;

/**
 * Every customer's purchases and refunds in order with running totals, which the store keeps up to date as events
 * arrive, so that the {@link RfmFigures} of any window are found without reading the events.
 */
public interface KeptMoneyHistories {

    /** Recomputes every kept history from the events; returns how many customers have one. */
    long rebuild();
}
