package dev.retention.persistence.loyalty;

import static dev.retention.persistence.shared.SqlTimes.instant;
import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.loyalty.AccountBook;
import dev.retention.domain.loyalty.LedgerEntry;
import dev.retention.domain.loyalty.LedgerEntryType;
import dev.retention.domain.loyalty.LoyaltyAccount;
import dev.retention.domain.loyalty.LoyaltyProgramme;
import dev.retention.domain.loyalty.LoyaltyStore;
import dev.retention.domain.loyalty.PointsLot;
import dev.retention.domain.loyalty.ProgrammeVersion;
import dev.retention.domain.loyalty.QualifyingPoints;
import dev.retention.domain.loyalty.Redemption;
import dev.retention.domain.loyalty.Tier;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.JsonColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class LoyaltyPersistenceAdapter implements LoyaltyStore {

    private static final RowMapper<LoyaltyAccount> ACCOUNT = (row, n) -> new LoyaltyAccount(
            row.getObject("customer_id", UUID.class),
            instant(row, "enrolled_at"),
            row.getLong("balance"),
            row.getLong("lifetime_points"),
            row.getLong("shortfall"),
            row.getString("tier"),
            instant(row, "tier_since"));
    private static final RowMapper<PointsLot> LOT = (row, n) -> new PointsLot(
            row.getObject("id", UUID.class),
            row.getObject("customer_id", UUID.class),
            instant(row, "earned_at"),
            instant(row, "expires_at"),
            row.getLong("points"),
            row.getLong("remaining"));
    private static final RowMapper<LedgerEntry> ENTRY = (row, n) -> new LedgerEntry(
            row.getObject("id", UUID.class),
            row.getObject("customer_id", UUID.class),
            LedgerEntryType.valueOf(row.getString("type")),
            row.getLong("points"),
            row.getLong("balance_after"),
            row.getLong("qualifying_points"),
            row.getLong("shortfall"),
            instant(row, "occurred_at"),
            instant(row, "recorded_at"),
            row.getObject("event_id", UUID.class),
            row.getObject("redemption_id", UUID.class),
            row.getObject("lot_id", UUID.class),
            row.getString("reason"));
    private static final RowMapper<Redemption> REDEMPTION = (row, n) -> new Redemption(
            row.getObject("id", UUID.class),
            row.getObject("customer_id", UUID.class),
            row.getObject("reward_id", UUID.class),
            row.getString("idempotency_key"),
            row.getLong("points"),
            instant(row, "redeemed_at"));

    private final JdbcTemplate jdbc;

    LoyaltyPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public LoyaltyProgramme programme() {
        return new LoyaltyProgramme(jdbc.query(
                "select * from loyalty_programme_version",
                (row, n) -> new ProgrammeVersion(
                        row.getObject("id", UUID.class),
                        instant(row, "effective_from"),
                        row.getBigDecimal("points_per_unit"),
                        tiers(row.getString("tiers")),
                        (Integer) row.getObject("points_lifetime_months"),
                        row.getBoolean("auto_enrol"),
                        instant(row, "created_at"))));
    }

    @Override
    @Transactional
    public void addProgrammeVersion(ProgrammeVersion version) {
        List<Map<String, Object>> tiers = version.tiers().stream()
                .map(tier -> Map.<String, Object>of(
                        "name",
                        tier.name(),
                        "qualifyingPoints",
                        tier.qualifyingPoints(),
                        "multiplier",
                        tier.multiplier().toPlainString()))
                .toList();
        jdbc.update(
                "insert into loyalty_programme_version (id, effective_from, points_per_unit, tiers, "
                        + "points_lifetime_months, auto_enrol, created_at) values (?, ?, ?, ?::jsonb, ?, ?, ?)",
                version.id(),
                utc(version.effectiveFrom()),
                version.pointsPerUnit(),
                JsonColumns.writeList(tiers),
                version.pointsLifetimeMonths(),
                version.autoEnrol(),
                utc(version.createdAt()));
    }

    private static List<Tier> tiers(String json) {
        return JsonColumns.readObjects(json).stream()
                .map(tier -> new Tier(
                        (String) tier.get("name"),
                        ((Number) tier.get("qualifyingPoints")).longValue(),
                        new BigDecimal((String) tier.get("multiplier"))))
                .toList();
    }

    @Override
    @Transactional
    public boolean createAccount(LoyaltyAccount account) {
        return jdbc.update(
                        "insert into loyalty_account (customer_id, enrolled_at, balance, lifetime_points, "
                                + "shortfall, tier, tier_since, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) "
                                + "on conflict (customer_id) do nothing",
                        account.customerId(),
                        utc(account.enrolledAt()),
                        account.balance(),
                        account.lifetimePoints(),
                        account.shortfall(),
                        account.tier(),
                        utc(account.tierSince()),
                        utc(account.enrolledAt()))
                == 1;
    }

    @Override
    @Transactional
    public Map<UUID, AccountBook> lockBooks(Collection<UUID> customerIds, Instant qualifyingFrom) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = customerIds.stream().distinct().sorted().toArray(UUID[]::new);
        List<LoyaltyAccount> accounts = jdbc.query(
                "select * from loyalty_account where customer_id = any (?) " + "order by customer_id for update",
                ACCOUNT,
                (Object) ids);
        Map<UUID, List<PointsLot>> lots = new HashMap<>();
        jdbc.query("select * from loyalty_lot where customer_id = any (?) and remaining > 0", LOT, (Object) ids)
                .forEach(lot -> lots.computeIfAbsent(lot.customerId(), id -> new ArrayList<>())
                        .add(lot));
        Map<UUID, List<QualifyingPoints>> qualifying = new HashMap<>();
        jdbc.query(
                "select customer_id, occurred_at, qualifying_points from loyalty_transaction "
                        + "where customer_id = any (?) and qualifying_points <> 0 and occurred_at > ?",
                row -> {
                    qualifying
                            .computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new QualifyingPoints(instant(row, "occurred_at"), row.getLong(3)));
                },
                ids,
                utc(qualifyingFrom));
        Map<UUID, AccountBook> books = new LinkedHashMap<>();
        for (LoyaltyAccount account : accounts) {
            UUID id = account.customerId();
            books.put(
                    id,
                    new AccountBook(account, lots.getOrDefault(id, List.of()), qualifying.getOrDefault(id, List.of())));
        }
        return books;
    }

    @Override
    @Transactional
    public void save(Collection<AccountBook> books, Instant at) {
        List<Object[]> accounts = new ArrayList<>();
        List<Object[]> newLots = new ArrayList<>();
        List<Object[]> changedLots = new ArrayList<>();
        List<Object[]> entries = new ArrayList<>();
        OffsetDateTime now = utc(at);
        for (AccountBook book : books) {
            LoyaltyAccount account = book.account();
            accounts.add(new Object[] {
                account.balance(),
                account.lifetimePoints(),
                account.shortfall(),
                account.tier(),
                utc(account.tierSince()),
                now,
                account.customerId()
            });
            for (PointsLot lot : book.newLots()) {
                newLots.add(new Object[] {
                    lot.id(), lot.customerId(), utc(lot.earnedAt()), utc(lot.expiresAt()), lot.points(), lot.remaining()
                });
            }
            for (PointsLot lot : book.changedLots()) {
                changedLots.add(new Object[] {lot.remaining(), lot.id()});
            }
            for (LedgerEntry entry : book.newEntries()) {
                entries.add(new Object[] {
                    entry.id(),
                    entry.customerId(),
                    entry.type().name(),
                    entry.points(),
                    entry.balanceAfter(),
                    entry.qualifyingPoints(),
                    entry.shortfall(),
                    utc(entry.occurredAt()),
                    utc(entry.recordedAt()),
                    entry.eventId(),
                    entry.redemptionId(),
                    entry.lotId(),
                    entry.reason()
                });
            }
        }
        jdbc.batchUpdate(
                "update loyalty_account set balance = ?, lifetime_points = ?, shortfall = ?, tier = ?, "
                        + "tier_since = ?, updated_at = ? where customer_id = ?",
                accounts);
        jdbc.batchUpdate(
                "insert into loyalty_lot (id, customer_id, earned_at, expires_at, points, remaining) "
                        + "values (?, ?, ?, ?, ?, ?)",
                newLots);
        jdbc.batchUpdate("update loyalty_lot set remaining = ? where id = ?", changedLots);
        jdbc.batchUpdate(
                "insert into loyalty_transaction (id, customer_id, type, points, balance_after, "
                        + "qualifying_points, shortfall, occurred_at, recorded_at, event_id, redemption_id, lot_id, reason) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LoyaltyAccount> account(CustomerId member) {
        return jdbc.query("select * from loyalty_account where customer_id = ?", ACCOUNT, member.value()).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public long pointsExpiringBetween(CustomerId member, Instant from, Instant until) {
        UUID customerId = member.value();
        Long points = jdbc.queryForObject(
                "select coalesce(sum(remaining), 0) from loyalty_lot "
                        + "where customer_id = ? and remaining > 0 and expires_at > ? and expires_at <= ?",
                Long.class,
                customerId,
                utc(from),
                utc(until));
        return points == null ? 0 : points;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<LedgerEntry> entries(CustomerId member, PageRequest page) {
        UUID customerId = member.value();
        Long total = jdbc.queryForObject(
                "select count(*) from loyalty_transaction where customer_id = ?", Long.class, customerId);
        List<LedgerEntry> items = jdbc.query(
                "select * from loyalty_transaction where customer_id = ? "
                        + "order by recorded_at desc, occurred_at desc, id limit ? offset ?",
                ENTRY,
                customerId,
                page.size(),
                page.offset());
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> customersWithPointsExpiredBy(Instant at, int limit) {
        return jdbc.queryForList(
                "select distinct customer_id from loyalty_lot "
                        + "where remaining > 0 and expires_at <= ? order by customer_id limit ?",
                UUID.class,
                utc(at),
                limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> membersAfter(UUID after, int limit) {
        return after == null
                ? jdbc.queryForList(
                        "select customer_id from loyalty_account order by customer_id limit ?", UUID.class, limit)
                : jdbc.queryForList(
                        "select customer_id from loyalty_account where customer_id > ? "
                                + "order by customer_id limit ?",
                        UUID.class,
                        after,
                        limit);
    }

    @Override
    @Transactional
    public boolean tryLockJob(String job) {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(hashtext(?))", Boolean.class, job);
        return Boolean.TRUE.equals(locked);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Redemption> redemption(CustomerId member, String idempotencyKey) {
        UUID customerId = member.value();
        return jdbc
                .query(
                        "select * from loyalty_redemption where customer_id = ? and idempotency_key = ?",
                        REDEMPTION,
                        customerId,
                        idempotencyKey)
                .stream()
                .findFirst();
    }

    @Override
    @Transactional
    public void addRedemption(Redemption redemption) {
        jdbc.update(
                "insert into loyalty_redemption (id, customer_id, reward_id, idempotency_key, points, "
                        + "redeemed_at) values (?, ?, ?, ?, ?, ?)",
                redemption.id(),
                redemption.customerId(),
                redemption.rewardId(),
                redemption.idempotencyKey(),
                redemption.points(),
                utc(redemption.redeemedAt()));
    }
}
