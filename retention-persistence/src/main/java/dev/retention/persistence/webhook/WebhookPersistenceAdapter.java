package dev.retention.persistence.webhook;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.webhook.ExpiringLots;
import dev.retention.domain.webhook.WebhookDelivery;
import dev.retention.domain.webhook.WebhookFilters;
import dev.retention.domain.webhook.WebhookKind;
import dev.retention.domain.webhook.WebhookSecret;
import dev.retention.domain.webhook.WebhookStore;
import dev.retention.domain.webhook.WebhookSubscription;
import dev.retention.persistence.shared.JsonColumns;
import dev.retention.persistence.shared.SqlPages;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions, the outbox and the deliveries. Every step of the dispatcher is one statement, so that several
 * instances can run it at once: rows are taken with {@code for update skip locked}.
 */
@Repository
class WebhookPersistenceAdapter implements WebhookStore, ExpiringLots {

    private static final RowMapper<WebhookSubscription> SUBSCRIPTION = WebhookPersistenceAdapter::subscription;
    private static final RowMapper<WebhookDelivery> DELIVERY = WebhookPersistenceAdapter::delivery;

    private final JdbcTemplate jdbc;

    WebhookPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void add(WebhookSubscription subscription, WebhookSecret secret) {
        WebhookFilters filters = subscription.filters();
        jdbc.update(
                """
                insert into webhook_subscription (id, url, description, kinds, segment, minimum_value_at_risk,
                    probability_alive_below, churn_rate_above, secret, active, disabled_reason, failing_since,
                    created_at, updated_at)
                values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                subscription.id(),
                subscription.url(),
                subscription.description(),
                kinds(subscription.kinds()),
                filters.segment(),
                filters.minimumValueAtRisk(),
                filters.probabilityAliveBelow(),
                filters.churnRateAbove(),
                secret.value(),
                subscription.active(),
                subscription.disabledReason(),
                utc(subscription.failingSince()),
                utc(subscription.createdAt()),
                utc(subscription.updatedAt()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<WebhookSubscription> find(UUID id) {
        return jdbc.query("select * from webhook_subscription where id = ?", SUBSCRIPTION, id).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<WebhookSubscription> list(PageRequest page) {
        return SqlPages.of(jdbc, "webhook_subscription", "created_at desc, id", SUBSCRIPTION, page);
    }

    @Override
    @Transactional
    public void update(WebhookSubscription subscription) {
        WebhookFilters filters = subscription.filters();
        jdbc.update(
                """
                update webhook_subscription set url = ?, description = ?, kinds = ?::text[], segment = ?,
                    minimum_value_at_risk = ?, probability_alive_below = ?, churn_rate_above = ?, active = ?,
                    disabled_reason = ?, failing_since = ?, updated_at = ?
                where id = ?
                """,
                subscription.url(),
                subscription.description(),
                kinds(subscription.kinds()),
                filters.segment(),
                filters.minimumValueAtRisk(),
                filters.probabilityAliveBelow(),
                filters.churnRateAbove(),
                subscription.active(),
                subscription.disabledReason(),
                utc(subscription.failingSince()),
                utc(subscription.updatedAt()),
                subscription.id());
    }

    @Override
    @Transactional
    public boolean delete(UUID id) {
        return jdbc.update("delete from webhook_subscription where id = ?", id) > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<WebhookDelivery> deliveries(UUID subscriptionId, WebhookDelivery.Status status, PageRequest page) {
        String statusName = status == null ? null : status.name();
        String where = " from webhook_delivery where subscription_id = ? and (?::text is null or status = ?)";
        Long total = jdbc.queryForObject("select count(*)" + where, Long.class, subscriptionId, statusName, statusName);
        return new Page<>(
                jdbc.query(
                        "select *" + where + " order by raised_at desc, id limit ? offset ?",
                        DELIVERY,
                        subscriptionId,
                        statusName,
                        statusName,
                        page.size(),
                        page.offset()),
                page.page(),
                page.size(),
                total == null ? 0 : total);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<WebhookDelivery> delivery(UUID subscriptionId, UUID deliveryId) {
        return jdbc
                .query(
                        "select * from webhook_delivery where subscription_id = ? and id = ?",
                        DELIVERY,
                        subscriptionId,
                        deliveryId)
                .stream()
                .findFirst();
    }

    @Override
    @Transactional
    public boolean redeliver(UUID subscriptionId, UUID deliveryId, Instant now) {
        return jdbc.update("""
                        update webhook_delivery set status = 'PENDING', retry_from = ?, next_attempt_at = ?,
                            leased_until = null
                        where subscription_id = ? and id = ?
                        """, utc(now), utc(now), subscriptionId, deliveryId) > 0;
    }

    @Override
    @Transactional
    public int fanOut(int limit, Instant now) {
        Integer taken = jdbc.queryForObject("""
                with taken as (
                    select id, kind, subscription_id, data, raised_at from webhook_signal
                    where fanned_out_at is null order by sequence limit ? for update skip locked
                ), marked as (
                    update webhook_signal s set fanned_out_at = ? from taken where s.id = taken.id returning s.id
                ), inserted as (
                    insert into webhook_delivery (subscription_id, signal_id, kind, data, raised_at, status,
                                                  retry_from, next_attempt_at)
                    select w.id, t.id, t.kind, t.data, t.raised_at, 'PENDING', ?, ?
                    from taken t
                    join webhook_subscription w
                      on w.active and t.kind = any (w.kinds)
                     and (t.subscription_id is null or t.subscription_id = w.id)
                     and (w.segment is null or t.data ->> 'customerId' is null or w.segment = t.data ->> 'segment')
                     and (w.minimum_value_at_risk is null or t.kind <> 'customer.at_risk'
                          or coalesce((t.data ->> 'valueAtRisk')::numeric, 0) >= w.minimum_value_at_risk)
                    on conflict (subscription_id, signal_id) do nothing
                    returning 1
                )
                select count(*) from marked
                """, Integer.class, limit, utc(now), utc(now), utc(now));
        return taken == null ? 0 : taken;
    }

    @Override
    @Transactional
    public List<DueDelivery> claim(int limit, Duration lease, Instant now) {
        return jdbc.query(
                """
                with due as (
                    select d.id from webhook_delivery d
                    join webhook_subscription w on w.id = d.subscription_id
                    where d.status = 'PENDING' and d.next_attempt_at <= ? and w.active
                      and (d.leased_until is null or d.leased_until <= ?)
                    order by d.next_attempt_at
                    limit ?
                    for update of d skip locked
                )
                update webhook_delivery d set leased_until = ?, attempts = d.attempts + 1, last_attempt_at = ?
                from due, webhook_subscription w
                where d.id = due.id and w.id = d.subscription_id
                returning d.id, d.subscription_id, w.url, w.secret, d.kind, d.data::text as data, d.raised_at,
                          d.attempts, d.retry_from, w.failing_since
                """,
                (rows, index) -> new DueDelivery(
                        rows.getObject("id", UUID.class),
                        rows.getObject("subscription_id", UUID.class),
                        rows.getString("url"),
                        new WebhookSecret(rows.getString("secret")),
                        kind(rows.getString("kind")),
                        rows.getString("data"),
                        instant(rows, "raised_at"),
                        rows.getInt("attempts"),
                        instant(rows, "retry_from"),
                        instant(rows, "failing_since")),
                utc(now),
                utc(now),
                limit,
                utc(now.plus(lease)),
                utc(now));
    }

    @Override
    @Transactional
    public void recordSuccess(DueDelivery delivery, int statusCode, Instant at) {
        jdbc.update("""
                update webhook_delivery set status = 'DELIVERED', delivered_at = ?, last_status_code = ?,
                    last_error = null, leased_until = null
                where id = ?
                """, utc(at), statusCode, delivery.id());
        jdbc.update(
                "update webhook_subscription set failing_since = null where id = ? and failing_since is not null",
                delivery.subscriptionId());
    }

    @Override
    @Transactional
    public void recordFailure(
            DueDelivery delivery,
            Integer statusCode,
            String error,
            Instant at,
            Instant nextAttemptAt,
            String stopReason) {
        jdbc.update(
                """
                update webhook_delivery set status = ?, next_attempt_at = coalesce(?, next_attempt_at),
                    last_status_code = ?, last_error = ?, leased_until = null
                where id = ?
                """,
                nextAttemptAt == null ? "FAILED" : "PENDING",
                utc(nextAttemptAt),
                statusCode,
                error,
                delivery.id());
        jdbc.update("""
                update webhook_subscription set failing_since = coalesce(failing_since, ?),
                    active = active and ?::text is null, disabled_reason = coalesce(?, disabled_reason)
                where id = ?
                """, utc(at), stopReason, stopReason, delivery.subscriptionId());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean anyoneWants(WebhookKind kind) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from webhook_subscription where active and ? = any (kinds))",
                Boolean.class,
                kind.value()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<WebhookSubscription> wanting(WebhookKind kind) {
        return jdbc.query(
                "select * from webhook_subscription where active and ? = any (kinds) order by created_at, id",
                SUBSCRIPTION,
                kind.value());
    }

    @Override
    @Transactional
    public boolean announce(WebhookKind kind, String subject, UUID subscriptionId, Map<String, Object> data) {
        return jdbc.update("""
                        with remembered as (
                            insert into webhook_announcement (kind, subject) values (?, ?)
                            on conflict do nothing returning 1
                        )
                        insert into webhook_signal (kind, subscription_id, data)
                        select ?, ?, ?::jsonb from remembered
                        """, kind.value(), subject, kind.value(), subscriptionId, JsonColumns.write(data)) > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> announced(WebhookKind kind, Collection<String> subjects) {
        Set<String> announced = new HashSet<>();
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(
                    "select subject from webhook_announcement where kind = ? and subject = any (?::text[])")) {
                statement.setString(1, kind.value());
                statement.setArray(2, connection.createArrayOf("text", subjects.toArray()));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        announced.add(rows.getString(1));
                    }
                }
            }
            return null;
        });
        return announced;
    }

    @Override
    @Transactional
    public int forgetExcept(WebhookKind kind, Collection<String> kept) {
        return jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(
                    "delete from webhook_announcement where kind = ? and subject <> all (?::text[])")) {
                statement.setString(1, kind.value());
                statement.setArray(2, connection.createArrayOf("text", kept.toArray()));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    @Transactional
    public int pruneSignals(Instant before) {
        return jdbc.update("delete from webhook_signal where fanned_out_at < ?", utc(before));
    }

    @Override
    @Transactional
    public int pruneDeliveries(Instant before) {
        return jdbc.update(
                "delete from webhook_delivery where status in ('DELIVERED', 'FAILED') and raised_at < ?", utc(before));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExpiringLot> between(Instant from, Instant until, int limit) {
        return jdbc.query(
                """
                select l.id, l.customer_id, c.external_id, c.segment, l.remaining, l.expires_at
                from loyalty_lot l join customer c on c.id = l.customer_id
                where l.remaining > 0 and l.expires_at > ? and l.expires_at <= ?
                order by l.expires_at, l.id
                limit ?
                """,
                (rows, index) -> new ExpiringLot(
                        rows.getObject("id", UUID.class),
                        rows.getObject("customer_id", UUID.class),
                        rows.getString("external_id"),
                        rows.getString("segment"),
                        rows.getLong("remaining"),
                        instant(rows, "expires_at")),
                utc(from),
                utc(until),
                limit);
    }

    private static String kinds(Set<WebhookKind> kinds) {
        return kinds.stream().map(WebhookKind::value).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static WebhookKind kind(String value) {
        return WebhookKind.fromValue(value)
                .orElseThrow(() -> new IllegalStateException("unknown webhook kind in the database: " + value));
    }

    private static WebhookSubscription subscription(ResultSet rows, int index) throws SQLException {
        Array kinds = rows.getArray("kinds");
        Set<WebhookKind> parsed = Arrays.stream((String[]) kinds.getArray())
                .map(WebhookPersistenceAdapter::kind)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Double probability = rows.getObject("probability_alive_below", Double.class);
        return new WebhookSubscription(
                rows.getObject("id", UUID.class),
                rows.getString("url"),
                rows.getString("description"),
                parsed,
                new WebhookFilters(
                        rows.getString("segment"),
                        rows.getBigDecimal("minimum_value_at_risk"),
                        probability,
                        rows.getBigDecimal("churn_rate_above")),
                rows.getBoolean("active"),
                rows.getString("disabled_reason"),
                instant(rows, "failing_since"),
                instant(rows, "created_at"),
                instant(rows, "updated_at"));
    }

    private static WebhookDelivery delivery(ResultSet rows, int index) throws SQLException {
        return new WebhookDelivery(
                rows.getObject("id", UUID.class),
                rows.getObject("subscription_id", UUID.class),
                rows.getObject("signal_id", UUID.class),
                kind(rows.getString("kind")),
                rows.getString("data"),
                instant(rows, "raised_at"),
                WebhookDelivery.Status.valueOf(rows.getString("status")),
                rows.getInt("attempts"),
                rows.getString("status").equals("PENDING") ? instant(rows, "next_attempt_at") : null,
                instant(rows, "last_attempt_at"),
                rows.getObject("last_status_code", Integer.class),
                rows.getString("last_error"),
                instant(rows, "delivered_at"));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
