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
 * The spells that triggers keep in {@code customer_activity} for the settings in
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
        Kept kept = jdbc.queryForObject("""
                select 0 as spells, extract(epoch from inactivity_window)::bigint as seconds, activity_types
                from activity_spell_settings for update
                """, (row, number) -> new Kept(0, Duration.ofSeconds(row.getLong("seconds")),
                types(row.getArray("activity_types"))));
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
        return jdbc.queryForObject("""
                select rebuild_activity_spells(inactivity_window, activity_types) as spells,
                       extract(epoch from inactivity_window)::bigint as seconds, activity_types
                from activity_spell_settings
                """, (row, number) -> new Kept(row.getLong("spells"), Duration.ofSeconds(row.getLong("seconds")),
                types(row.getArray("activity_types"))));
    }

    private static Set<EventType> types(java.sql.Array array) throws java.sql.SQLException {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (Object type : (Object[]) array.getArray()) {
            types.add(EventType.valueOf((String) type));
        }
        return types;
    }
}
