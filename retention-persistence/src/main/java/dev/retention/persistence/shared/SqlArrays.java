package dev.retention.persistence.shared;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Builds text arrays for {@code unnest(...)} statements, which move thousands of rows in one round trip. */
public final class SqlArrays {

    private SqlArrays() {}

    public static <T> Array textArray(Connection connection, List<T> rows, Function<T, ?> column)
            throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Objects.toString(column.apply(rows.get(i)), null);
        }
        return connection.createArrayOf("text", values);
    }
}
