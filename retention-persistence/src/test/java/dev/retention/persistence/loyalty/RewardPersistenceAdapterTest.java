package dev.retention.persistence.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.loyalty.Reward;
import dev.retention.domain.loyalty.Rewards;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.support.AdapterTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The catalogue: rewards stored and changed whole, stock that never goes below zero, archived ones left out. */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, RewardPersistenceAdapter.class})
class RewardPersistenceAdapterTest extends AdapterTest {

    @Autowired
    private Rewards rewards;

    private static Reward reward(String name, Integer stock, String createdAt) {
        Instant at = Instant.parse(createdAt);
        return new Reward(
                UUID.randomUUID(),
                name,
                null,
                500,
                stock,
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                "Gold",
                false,
                at,
                at);
    }

    @Test
    void aRewardIsStoredAndReplacedWhole() {
        Reward mug = reward("Mug", 20, "2026-11-01T00:00:00Z");
        rewards.add(mug);
        Reward changed = new Reward(
                mug.id(),
                "Blue mug",
                "Now blue",
                750,
                null,
                null,
                Instant.parse("2027-01-01T00:00:00Z"),
                null,
                false,
                mug.createdAt(),
                Instant.parse("2026-11-02T00:00:00Z"));

        rewards.update(changed);

        assertThat(rewards.find(mug.id())).contains(changed);
    }

    @Test
    void stockIsTakenOneAtATimeAndNeverBelowZero() {
        Reward mug = reward("Mug", 1, "2026-11-01T00:00:00Z");
        rewards.add(mug);

        rewards.takeOneFromStock(mug.id());
        rewards.takeOneFromStock(mug.id());

        assertThat(rewards.find(mug.id()).orElseThrow().stock()).isZero();
    }

    @Test
    void archivedRewardsAreListedOnlyWhenAskedForInTheOrderTheyWereAdded() {
        Reward second = reward("Tote bag", null, "2026-11-02T00:00:00Z");
        Reward first = reward("Mug", 5, "2026-11-01T00:00:00Z");
        rewards.add(second);
        rewards.add(first);
        rewards.update(first.archive(Instant.parse("2026-11-03T00:00:00Z")));

        assertThat(rewards.list(false, new PageRequest(0, 10)).items())
                .extracting(Reward::name)
                .containsExactly("Tote bag");
        assertThat(rewards.list(true, new PageRequest(0, 10)).items())
                .extracting(Reward::name)
                .containsExactly("Mug", "Tote bag");
    }
}
