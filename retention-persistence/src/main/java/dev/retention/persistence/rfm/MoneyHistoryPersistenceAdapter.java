package dev.retention.persistence.rfm;

import dev.retention.domain.rfm.KeptMoneyHistories;
import dev.retention.domain.rfm.MoneyHistories;
import dev.retention.domain.rfm.MoneyHistories.Movement;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every customer's purchases and refunds in memory, up to date at each call: in one snapshot, the events that
 * transactions unseen by the previous snapshot wrote are added (each event notes the transaction that wrote it; see the
 * migration that added {@code written_by}); everything is read again at the first call and after events were updated,
 * deleted or truncated, which the service never does but SQL run by hand may.
 */
@Repository
class MoneyHistoryPersistenceAdapter implements KeptMoneyHistories {

    private static final Logger log = LoggerFactory.getLogger(MoneyHistoryPersistenceAdapter.class);

    /** Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for timestamps in binary form. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private static final String MOVEMENT = "select customer_id, type = 'REFUND', occurred_at, "
            + "(amount * 10000)::bigint from customer_event where type in ('PURCHASE', 'REFUND')";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate oneSnapshot;

    private MoneyHistories histories;
    private String seen;
    private boolean cannotKeep;

    MoneyHistoryPersistenceAdapter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.oneSnapshot = new TransactionTemplate(transactions);
        // Always a transaction of its own, also when called inside another one (a strategy's activation): the
        // snapshot noted must be the one every statement reads in, which a joined read-committed transaction would
        // not give, and what another transaction has not committed must not be taken in.
        oneSnapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        oneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        oneSnapshot.setReadOnly(true);
    }

    @Override
    public synchronized Optional<MoneyHistories> current() {
        if (cannotKeep) {
            return Optional.empty();
        }
        try {
            return Optional.of(oneSnapshot.execute(status -> jdbc.execute(this::upToDate)));
        } catch (ArithmeticException tooLarge) {
            cannotKeep = true;
            log.warn("A customer's purchases add up to more than can be kept; RFM scores are computed in the database");
            return Optional.empty();
        }
    }

    private MoneyHistories upToDate(Connection connection) throws SQLException {
        String snapshot = text(connection, "select pg_current_snapshot()::text");
        MoneyHistories updated;
        if (histories == null || rewrittenSince(connection, seen)) {
            long started = System.nanoTime();
            updated = readAll(connection);
            log.info(
                    "Read the purchases and refunds of {} customers ({} events) in {} ms",
                    updated.customers(),
                    updated.movements(),
                    (System.nanoTime() - started) / 1_000_000);
        } else {
            updated = histories.with(writtenSince(connection, seen));
        }
        histories = updated;
        seen = snapshot;
        return updated;
    }

    private static boolean rewrittenSince(Connection connection, String snapshot) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select exists (select 1 from customer_event_rewrite where written_by >= ?::xid8 "
                        + "and not pg_visible_in_snapshot(written_by, ?::pg_snapshot))")) {
            statement.setString(1, xmin(snapshot));
            statement.setString(2, snapshot);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static List<Movement> writtenSince(Connection connection, String snapshot) throws SQLException {
        List<Movement> added = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(MOVEMENT
                + " and written_by is not null and written_by >= ?::xid8"
                + " and not pg_visible_in_snapshot(written_by, ?::pg_snapshot)")) {
            statement.setString(1, xmin(snapshot));
            statement.setString(2, snapshot);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    added.add(new Movement(
                            rows.getObject(1, UUID.class),
                            rows.getBoolean(2),
                            MoneyHistories.micros(
                                    rows.getObject(3, OffsetDateTime.class).toInstant()),
                            rows.getLong(4)));
                }
            }
        }
        return added;
    }

    /** Every purchase and refund, in customer order, through COPY in binary form (the fastest way out). */
    private static MoneyHistories readAll(Connection connection) throws SQLException {
        MoneyHistories.Builder builder = new MoneyHistories.Builder();
        String copy = "copy (" + MOVEMENT + " order by customer_id) to stdout (format binary)";
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new PGCopyInputStream(connection.unwrap(PGConnection.class), copy), 1 << 16))) {
            // Signature (11 bytes), flags (4), then a header extension of the length given.
            in.skipNBytes(15);
            in.skipNBytes(in.readInt());
            UUID customer = null;
            List<Movement> own = new ArrayList<>();
            while (in.readShort() != -1) {
                in.readInt();
                UUID id = new UUID(in.readLong(), in.readLong());
                in.readInt();
                boolean refund = in.readBoolean();
                in.readInt();
                long at = in.readLong() + POSTGRES_EPOCH_MICROS;
                in.readInt();
                long amount = in.readLong();
                if (!id.equals(customer)) {
                    if (customer != null) {
                        builder.customer(customer, own);
                        own.clear();
                    }
                    customer = id;
                }
                own.add(new Movement(id, refund, at, amount));
            }
            if (customer != null) {
                builder.customer(customer, own);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the purchases and refunds", e);
        }
        return builder.build();
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    /** The first field of a snapshot's text form, {@code xmin:xmax:xip,...}: every transaction below it had ended. */
    private static String xmin(String snapshot) {
        return snapshot.substring(0, snapshot.indexOf(':'));
    }
}
