package dev.retention.persistence.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.event.EventType;
import dev.retention.domain.rfm.MoneyHistories;
import dev.retention.persistence.support.AdapterTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig({AdapterTest.Infrastructure.class, MoneyHistoryPersistenceAdapter.class})
class MoneyHistoryPersistenceAdapterTest extends AdapterTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-31T00:00:00Z");

    @Autowired
    private MoneyHistoryPersistenceAdapter kept;

    @Autowired
    private DataSource dataSource;

    @Test
    void aTransactionStillOpenAtOneLookIsTakenInAtTheFirstLookAfterItCommits() throws Exception {
        UUID early = customer("early", null);
        UUID late = customer("late", null);
        kept.current();
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            insertPurchase(open, late, "2026-03-01T10:00:00Z", "40");
            money(early, EventType.PURCHASE, "2026-04-01T10:00:00Z", "10");

            // Committed later than the open transaction began: seen; the open one not yet.
            MoneyHistories whileOpen = kept.current().orElseThrow();
            assertThat(whileOpen.movements()).isOne();
            assertThat(whileOpen.position(late)).isEqualTo(-1);

            open.commit();
        }
        MoneyHistories afterCommit = kept.current().orElseThrow();
        assertThat(afterCommit.movements()).isEqualTo(2);
        assertThat(afterCommit.window(FROM, TO).monetaryUnits()).containsExactlyInAnyOrder(100_000L, 400_000L);
        // Looking again adds nothing twice.
        assertThat(kept.current().orElseThrow().movements()).isEqualTo(2);
    }

    @Test
    void insideAnotherTransactionOnlyWhatIsCommittedIsTakenInAndOnlyOnce() {
        UUID customer = customer("c", null);
        money(customer, EventType.PURCHASE, "2026-03-01T10:00:00Z", "40");
        kept.current();

        transactions.executeWithoutResult(status -> {
            money(customer, EventType.PURCHASE, "2026-03-02T10:00:00Z", "60");
            assertThat(kept.current().orElseThrow().movements()).isOne();
        });

        assertThat(kept.current().orElseThrow().movements()).isEqualTo(2);
        assertThat(kept.current().orElseThrow().window(FROM, TO).monetaryUnits())
                .containsExactly(1_000_000L);
    }

    @Test
    void eventsOfARolledBackTransactionAreNeverTakenIn() throws Exception {
        UUID customer = customer("c", null);
        kept.current();
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            insertPurchase(open, customer, "2026-03-01T10:00:00Z", "40");
            open.rollback();
        }
        money(customer, EventType.REFUND, "2026-03-02T10:00:00Z", "5");

        MoneyHistories histories = kept.current().orElseThrow();
        assertThat(histories.movements()).isOne();
        assertThat(histories.window(FROM, TO).size()).isZero();
    }

    @Test
    void eventsDeletedOrTruncatedByHandAreForgottenByReadingEverythingAgain() {
        UUID customer = customer("c", null);
        UUID kept1 = money(customer, EventType.PURCHASE, "2026-03-01T10:00:00Z", "40");
        money(customer, EventType.PURCHASE, "2026-03-05T10:00:00Z", "60");
        assertThat(kept.current().orElseThrow().movements()).isEqualTo(2);

        jdbc.update("delete from customer_event where id <> ?", kept1);
        MoneyHistories afterDelete = kept.current().orElseThrow();
        assertThat(afterDelete.movements()).isOne();
        assertThat(afterDelete.window(FROM, TO).monetaryUnits()).containsExactly(400_000L);

        jdbc.execute("truncate customer_event cascade");
        assertThat(kept.current().orElseThrow().customers()).isZero();
    }

    @Test
    void amountsAreReadToTheirLastDecimalAndInstantsToTheMicrosecond() {
        UUID customer = customer("c", null);
        money(customer, EventType.PURCHASE, "2026-03-01T10:00:00.123456Z", "0.0001");
        money(customer, EventType.PURCHASE, "1999-12-31T23:59:59.999999Z", "123456789012345.6789");

        MoneyHistories histories = kept.current().orElseThrow();

        MoneyHistories.WindowFigures figures = histories.window(Instant.parse("1999-01-01T00:00:00Z"), TO);
        assertThat(figures.monetaryUnits()).containsExactly(1_234_567_890_123_456_790L);
        assertThat(figures.lastPurchaseMicros())
                .containsExactly(MoneyHistories.micros(Instant.parse("2026-03-01T10:00:00.123456Z")));
        assertThat(histories.window(TO.minusSeconds(1), TO).size()).isZero();
        assertThat(histories
                        .window(Instant.parse("1999-12-31T23:59:59.999998Z"), Instant.parse("2000-01-01T00:00:00Z"))
                        .frequency())
                .containsExactly(1L);
    }

    private static void insertPurchase(Connection connection, UUID customer, String at, String amount)
            throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into customer_event (id, customer_id, type, occurred_at, amount, currency, event_key, "
                        + "recorded_at) values (?, ?, 'PURCHASE', ?, ?::numeric, 'EUR', ?, now())")) {
            UUID id = UUID.randomUUID();
            statement.setObject(1, id);
            statement.setObject(2, customer);
            statement.setTimestamp(3, Timestamp.from(Instant.parse(at)));
            statement.setString(4, amount);
            statement.setString(5, "p-" + id);
            statement.executeUpdate();
        }
    }
}
