package dev.retention.persistence.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/** Instants to and from timestamptz columns; null stays null. */
public final class SqlTimes {

    private SqlTimes() {}

    /** An instant as the UTC offset date-time the driver binds to timestamptz. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The zone as PostgreSQL's {@code at time zone} reads it. Region ids pass as they are; a fixed offset such as
     * +05:45 is written in POSIX form, {@code <+0545>-05:45}, because PostgreSQL reads a bare "+05:45" as a POSIX
     * offset, west of Greenwich: the opposite direction.
     */
    public static String zoneName(ZoneId zone) {
        if (!(zone.normalized() instanceof ZoneOffset offset)) {
            return zone.getId();
        }
        int seconds = offset.getTotalSeconds();
        String east = String.format(
                Locale.ROOT,
                "%02d:%02d:%02d",
                Math.abs(seconds) / 3600,
                Math.abs(seconds) / 60 % 60,
                Math.abs(seconds) % 60);
        return "<" + (seconds < 0 ? "-" : "+") + east.replace(":", "") + ">" + (seconds < 0 ? "+" : "-") + east;
    }

    /** The instant of a timestamptz column. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
