package dev.retention.domain.loyalty;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** The rewards catalogue. */
public interface Rewards {

    void add(Reward reward);

    void update(Reward reward);

    Optional<Reward> find(UUID id);

    /** Finds the reward and locks it until the transaction ends. */
    Optional<Reward> lock(UUID id);

    void takeOneFromStock(UUID id);

    Page<Reward> list(boolean includeArchived, PageRequest page);
}
