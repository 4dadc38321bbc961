package dev.retention.api.shared;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Recognises, in whatever wrapping the data-access layer gave them, the database failures a client can act on. */
final class DatabaseFailures {

    /** character_not_in_repertoire (NUL in text) and untranslatable_character (NUL in jsonb). */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    private static final String CLOSED_CONNECTION = "Connection is closed";

    private DatabaseFailures() {}

    /**
     * True for failures that mean the database went away mid-request (connection errors, class 08, and server
     * shutdown, 57P01 to 57P03). A transaction whose rollback fails on a connection the pool has already closed
     * reports only the pool's "Connection is closed", which has no SQLState.
     */
    static boolean databaseWentAway(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && (CLOSED_CONNECTION.equals(sql.getMessage())
                            || (sql.getSQLState() != null
                                    && (sql.getSQLState().startsWith("08")
                                            || sql.getSQLState().startsWith("57P0"))))) {
                return true;
            }
        }
        return false;
    }

    /** True when PostgreSQL refused text it cannot store: a NUL character in text or jsonb. */
    static boolean unstorableText(Throwable exception) {
        return causeOfType(exception, SQLException.class) instanceof SQLException sql
                && UNSTORABLE_TEXT.contains(sql.getSQLState());
    }

    static Throwable causeOfType(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }
}
