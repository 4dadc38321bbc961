package dev.retention.persistence.rfm;

import dev.retention.domain.rfm.KeptMoneyHistories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The histories that triggers keep in {@code customer_money_history}; see the migration that creates them. */
@Repository
class KeptMoneyHistoriesPersistenceAdapter implements KeptMoneyHistories {

    private final JdbcTemplate jdbc;

    KeptMoneyHistoriesPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long rebuild() {
        Long kept = jdbc.queryForObject("select rebuild_money_histories()", Long.class);
        return kept == null ? 0 : kept;
    }
}
