package dev.retention.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Which database failures mean "retry shortly" (503) and which mean "your text cannot be stored" (400). */
class DatabaseFailuresTest {

    /** Wrapped as the data-access layer does when it cannot tell what the failure means. */
    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("statement failed", cause);
    }

    @Test
    void aLostConnectionOrAServerShuttingDownMeansTheDatabaseWentAway() {
        assertThat(DatabaseFailures.databaseWentAway(wrapped(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseFailures.databaseWentAway(wrapped(new SQLException("terminating", "57P01"))))
                .isTrue();
        assertThat(DatabaseFailures.databaseWentAway(
                        new IllegalStateException(new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void aBrokenConstraintOrAnErrorWithoutCauseIsNoOutage() {
        assertThat(DatabaseFailures.databaseWentAway(wrapped(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseFailures.databaseWentAway(new IllegalStateException("no database here")))
                .isFalse();
    }

    @Test
    void aNulCharacterInTextOrJsonIsUnstorableText() {
        assertThat(DatabaseFailures.unstorableText(
                        new DataIntegrityViolationException("x", new SQLException("invalid byte", "22021"))))
                .isTrue();
        assertThat(DatabaseFailures.unstorableText(
                        new DataIntegrityViolationException("x", new SQLException("\\u0000", "22P05"))))
                .isTrue();
        assertThat(DatabaseFailures.unstorableText(
                        new DataIntegrityViolationException("x", new SQLException("not null", "23502"))))
                .isFalse();
    }
}
