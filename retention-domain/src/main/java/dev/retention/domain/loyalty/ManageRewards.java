package dev.retention.domain.loyalty;

import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Adds, changes, archives and finds the rewards of the catalogue. */
public class ManageRewards {

    /** A reward as a client describes it: every field but the id and the times; the cost is required. */
    public record RewardDraft(
            String name,
            String description,
            Long costPoints,
            Integer stock,
            Instant activeFrom,
            Instant activeUntil,
            String minimumTier) {}

    private final Rewards rewards;
    private final Clock clock;

    public ManageRewards(Rewards rewards, Clock clock) {
        this.rewards = rewards;
        this.clock = clock;
    }

    public Reward add(RewardDraft draft) {
        Instant now = Instants.now(clock);
        Reward reward = reward(UUID.randomUUID(), draft, false, now, now);
        rewards.add(reward);
        return reward;
    }

    /** Replaces every field; an archived reward stays archived. */
    public Reward replace(UUID id, RewardDraft draft) {
        Reward existing = find(id);
        Reward changed = reward(id, draft, existing.archived(), existing.createdAt(), Instants.now(clock));
        rewards.update(changed);
        return changed;
    }

    public void archive(UUID id) {
        rewards.update(find(id).archive(Instants.now(clock)));
    }

    public Reward find(UUID id) {
        return rewards.find(id).orElseThrow(() -> new ResourceNotFoundException("Reward", id));
    }

    public Page<Reward> list(boolean includeArchived, PageRequest page) {
        return rewards.list(includeArchived, page);
    }

    private static Reward reward(UUID id, RewardDraft draft, boolean archived, Instant createdAt, Instant now) {
        if (draft.costPoints() == null) {
            throw InvalidInputException.of("costPoints", "is required");
        }
        return new Reward(
                id,
                draft.name(),
                draft.description(),
                draft.costPoints(),
                draft.stock(),
                Instants.stored(draft.activeFrom()),
                Instants.stored(draft.activeUntil()),
                draft.minimumTier(),
                archived,
                createdAt,
                now);
    }
}
