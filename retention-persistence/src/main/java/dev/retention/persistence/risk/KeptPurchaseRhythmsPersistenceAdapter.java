package dev.retention.persistence.risk;

import dev.retention.domain.risk.KeptPurchaseRhythms;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The rhythms that triggers keep in {@code customer_purchase_rhythm}; see the migration that creates them. */
@Repository
class KeptPurchaseRhythmsPersistenceAdapter implements KeptPurchaseRhythms {

    private final JdbcTemplate jdbc;

    KeptPurchaseRhythmsPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long rebuild() {
        Long kept = jdbc.queryForObject("select rebuild_purchase_rhythms()", Long.class);
        return kept == null ? 0 : kept;
    }
}
