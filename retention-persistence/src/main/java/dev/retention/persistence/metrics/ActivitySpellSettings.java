package dev.retention.persistence.metrics;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.KeptActivitySpells.Kept;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** The one row of {@code activity_spell_settings}: the window and activity types the kept spells are for. */
final class ActivitySpellSettings {

    /** Its columns as {@link #read} expects them. */
    static final String COLUMNS = "extract(epoch from inactivity_window)::bigint as seconds, activity_types";

    static final String SELECT = "select " + COLUMNS + " from activity_spell_settings";

    private ActivitySpellSettings() {}

    /** The settings on the current row, with {@code spells} kept for them. */
    static Kept read(ResultSet row, long spells) throws SQLException {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (Object type : (Object[]) row.getArray("activity_types").getArray()) {
            types.add(EventType.valueOf((String) type));
        }
        return new Kept(spells, Duration.ofSeconds(row.getLong("seconds")), types);
    }
}
