package dev.retention.persistence.loyalty;

import static dev.retention.persistence.shared.SqlTimes.instant;
import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.loyalty.Reward;
import dev.retention.domain.loyalty.Rewards;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class RewardPersistenceAdapter implements Rewards {

    private static final RowMapper<Reward> REWARD = (row, n) -> new Reward(
            row.getObject("id", UUID.class),
            row.getString("name"),
            row.getString("description"),
            row.getLong("cost_points"),
            (Integer) row.getObject("stock"),
            instant(row, "active_from"),
            instant(row, "active_until"),
            row.getString("minimum_tier"),
            row.getBoolean("archived"),
            instant(row, "created_at"),
            instant(row, "updated_at"));

    private final JdbcTemplate jdbc;

    RewardPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void add(Reward reward) {
        jdbc.update(
                "insert into loyalty_reward (id, name, description, cost_points, stock, active_from, "
                        + "active_until, minimum_tier, archived, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reward.id(),
                reward.name(),
                reward.description(),
                reward.costPoints(),
                reward.stock(),
                utc(reward.activeFrom()),
                utc(reward.activeUntil()),
                reward.minimumTier(),
                reward.archived(),
                utc(reward.createdAt()),
                utc(reward.updatedAt()));
    }

    @Override
    @Transactional
    public void update(Reward reward) {
        jdbc.update(
                "update loyalty_reward set name = ?, description = ?, cost_points = ?, stock = ?, "
                        + "active_from = ?, active_until = ?, minimum_tier = ?, archived = ?, updated_at = ? where id = ?",
                reward.name(),
                reward.description(),
                reward.costPoints(),
                reward.stock(),
                utc(reward.activeFrom()),
                utc(reward.activeUntil()),
                reward.minimumTier(),
                reward.archived(),
                utc(reward.updatedAt()),
                reward.id());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Reward> find(UUID id) {
        return jdbc.query("select * from loyalty_reward where id = ?", REWARD, id).stream()
                .findFirst();
    }

    @Override
    @Transactional
    public Optional<Reward> lock(UUID id) {
        return jdbc.query("select * from loyalty_reward where id = ? for update", REWARD, id).stream()
                .findFirst();
    }

    @Override
    @Transactional
    public void takeOneFromStock(UUID id) {
        jdbc.update("update loyalty_reward set stock = stock - 1 where id = ? and stock > 0", id);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Reward> list(boolean includeArchived, PageRequest page) {
        String where = includeArchived ? "" : " where not archived";
        Long total = jdbc.queryForObject("select count(*) from loyalty_reward" + where, Long.class);
        List<Reward> items = jdbc.query(
                "select * from loyalty_reward" + where + " order by created_at, id limit ? offset ?",
                REWARD,
                page.size(),
                page.offset());
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }
}
