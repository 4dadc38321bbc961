package dev.retention.persistence.metrics;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.KeptActivitySpells;
import dev.retention.persistence.shared.SqlArrays;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spells that triggers keep in {@code customer_activity_spell} for the settings in
 * {@code activity_spell_settings}; see the migration that creates them.
 */
@Repository
class KeptActivitySpellsJdbcRepository implements KeptActivitySpells {

    private final JdbcTemplate jdbc;

    KeptActivitySpellsJdbcRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings row is locked first, so that of several instances starting at once only one rebuilds. */
    @Override
    @Transactional
    public long keepFor(Duration window, Set<EventType> activityTypes) {
        Set<EventType> keptTypes = EnumSet.noneOf(EventType.class);
        Long keptSeconds = jdbc.query("""
                select extract(epoch from inactivity_window)::bigint as seconds, activity_types
                from activity_spell_settings for update
                """, rows -> {
            if (!rows.next()) {
                return null;
            }
            for (Object type : (Object[]) rows.getArray("activity_types").getArray()) {
                keptTypes.add(EventType.valueOf((String) type));
            }
            return rows.getLong("seconds");
        });
        if (keptSeconds != null && keptSeconds == window.toSeconds() && keptTypes.equals(activityTypes)) {
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
    public long rebuild() {
        Long rebuilt = jdbc.queryForObject("select rebuild_activity_spells(inactivity_window, activity_types) "
                + "from activity_spell_settings", Long.class);
        return rebuilt == null ? 0 : rebuilt;
    }
}
