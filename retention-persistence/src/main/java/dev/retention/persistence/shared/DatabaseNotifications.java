package dev.retention.persistence.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL notification channels on one connection of its own and runs each channel's callback when a
 * notification arrives, typically within milliseconds of the notifying commit. While the connection is down nothing
 * can be heard, so after every (re)connection all callbacks run once: whatever was cached may have changed meanwhile.
 */
public class DatabaseNotifications implements SmartLifecycle {

    /** Announced by the database after every committed change to report data. */
    public static final String DATA_CHANGED = "retention_data_changed";

    /** Announced after every change to whether an API key may be used: revocation, expiry, scopes, removal. */
    public static final String API_KEYS_CHANGED = "retention_api_keys_changed";

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final int WAIT_MILLIS = 250;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Map<String, Runnable> callbacks;
    private volatile boolean running;
    private Thread listener;

    /** @param callbacks by channel name; names are plain identifiers such as {@code retention_data_changed} */
    public DatabaseNotifications(DataSource dataSource, Map<String, Runnable> callbacks) {
        callbacks.keySet().forEach(channel -> {
            if (!channel.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain channel name: " + channel);
            }
        });
        this.dataSource = dataSource;
        this.callbacks = Map.copyOf(callbacks);
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "database-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2 * WAIT_MILLIS + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    for (String channel : callbacks.keySet()) {
                        statement.execute("listen " + channel);
                    }
                }
                callbacks.values().forEach(Runnable::run);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    deliver(notifications.getNotifications(WAIT_MILLIS));
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn(
                            "Not listening to database notifications ({}); retrying in {}",
                            e.getMessage(),
                            RECONNECT_DELAY);
                    pause();
                }
            }
        }
    }

    private void deliver(PGNotification[] received) {
        if (received == null) {
            return;
        }
        Set<String> channels = new HashSet<>();
        for (PGNotification notification : received) {
            channels.add(notification.getName());
        }
        channels.forEach(channel -> callbacks.getOrDefault(channel, () -> {}).run());
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
