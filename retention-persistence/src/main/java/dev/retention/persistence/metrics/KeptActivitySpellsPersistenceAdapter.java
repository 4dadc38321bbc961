package dev.retention.persistence.metrics;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.KeptActivitySpells;
import dev.retention.persistence.shared.SqlArrays;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spells that triggers keep in {@code customer_activity} for the settings in
 * {@code activity_spell_settings}; see the migration that creates them.
 */
@Repository
class KeptActivitySpellsPersistenceAdapter implements KeptActivitySpells {

    private final JdbcTemplate jdbc;

    KeptActivitySpellsPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings row is locked first, so that of several instances starting at once only one rebuilds. */
    @Override
    @Transactional
    public long keepFor(Duration window, Set<EventType> activityTypes) {
        Kept kept = jdbc.queryForObject(
                ActivitySpellSettings.SELECT + " for update", (row, number) -> ActivitySpellSettings.read(row, 0));
        if (kept != null && kept.window().equals(window) && kept.activityTypes().equals(activityTypes)) {
            return -1;
        }
        List<EventType> types = activityTypes.stream().sorted().toList();
        Long rebuilt = jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement(
                    "select rebuild_activity_spells(make_interval(secs => ?), ?::text[])")) {
                statement.setLong(1, window.toSeconds());
                statement.setArray(2, SqlArrays.textArray(connection, types, EventType::name));
                try (var row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        return rebuilt == null ? 0 : rebuilt;
    }

    @Override
    @Transactional
    public Kept rebuild() {
        return jdbc.queryForObject(
                "select rebuild_activity_spells(inactivity_window, activity_types) as spells, "
                        + ActivitySpellSettings.COLUMNS + " from activity_spell_settings",
                (row, number) -> ActivitySpellSettings.read(row, row.getLong("spells")));
    }
}
