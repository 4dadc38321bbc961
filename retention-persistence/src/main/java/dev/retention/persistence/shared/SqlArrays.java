package dev.retention.persistence.shared;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Builds text arrays for {@code unnest(...)} statements, which move thousands of rows in one round trip. */
public final class SqlArrays {

    private SqlArrays() {}

    public static <T> Array textArray(Connection connection, List<T> rows, Function<T, ?> column) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Objects.toString(column.apply(rows.get(i)), null);
        }
        return connection.createArrayOf("text", values);
    }

    /**
     * A timestamptz array, sent typed: a text array cast in the statement would be cast again for every row it
     * is compared with, and a common table expression that casts it once keeps the query from running in parallel.
     */
    public static Array timestampArray(Connection connection, List<Instant> instants) throws SQLException {
        return connection.createArrayOf(
                "timestamptz", instants.stream().map(Instant::toString).toArray());
    }
}
