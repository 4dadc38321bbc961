package dev.retention.domain.rfm;

import java.util.Optional;

/** Every customer's purchases and refunds, kept up to date with the events. */
public interface KeptMoneyHistories {

    /**
     * The histories with every event committed before this call, or empty when they are not kept (turned off, or a
     * customer's amounts too large to keep).
     */
    Optional<MoneyHistories> current();
}
