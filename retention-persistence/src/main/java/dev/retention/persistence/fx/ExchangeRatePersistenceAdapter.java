package dev.retention.persistence.fx;

import dev.retention.domain.fx.ExchangeRate;
import dev.retention.domain.fx.ExchangeRates;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.SqlArrays;
import dev.retention.persistence.shared.SqlNumbers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Exchange rates in one table keyed by currency and day; a set of rates is one upsert statement. */
@Repository
class ExchangeRatePersistenceAdapter implements ExchangeRates {

    private static final RowMapper<ExchangeRate> ROW = ExchangeRatePersistenceAdapter::toRate;

    private static final String WITHIN = " from exchange_rate where (?::char(3) is null or currency = ?::char(3))"
            + " and rate_date >= coalesce(?::date, '-infinity') and rate_date <= coalesce(?::date, 'infinity')";

    private final JdbcTemplate jdbc;

    ExchangeRatePersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void put(Collection<ExchangeRate> rates) {
        List<ExchangeRate> list = List.copyOf(rates);
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    insert into exchange_rate (currency, rate_date, rate, updated_at)
                    select currency, rate_date::date, rate::numeric, now()
                    from unnest(?::text[], ?::text[], ?::text[]) as r(currency, rate_date, rate)
                    on conflict (currency, rate_date) do update set rate = excluded.rate, updated_at = now()
                    """)) {
                statement.setArray(1, SqlArrays.textArray(connection, list, ExchangeRate::currency));
                statement.setArray(2, SqlArrays.textArray(connection, list, ExchangeRate::date));
                statement.setArray(
                        3,
                        SqlArrays.textArray(
                                connection, list, rate -> rate.rate().toPlainString()));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExchangeRate> between(Set<String> currencies, LocalDate from, LocalDate to) {
        return jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    select currency, rate_date, rate from exchange_rate
                    where currency = any (?::char(3)[]) and rate_date between ? and ?
                    """)) {
                statement.setArray(1, connection.createArrayOf("text", currencies.toArray()));
                statement.setObject(2, from);
                statement.setObject(3, to);
                try (ResultSet rows = statement.executeQuery()) {
                    List<ExchangeRate> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(toRate(rows, 0));
                    }
                    return found;
                }
            }
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ExchangeRate> list(String currency, LocalDate from, LocalDate to, PageRequest page) {
        Object[] arguments = {currency, currency, from, to};
        Long total = jdbc.queryForObject("select count(*)" + WITHIN, Long.class, arguments);
        List<ExchangeRate> items = jdbc.query(
                "select currency, rate_date, rate" + WITHIN + " order by currency, rate_date limit ? offset ?",
                ROW,
                currency,
                currency,
                from,
                to,
                page.size(),
                page.offset());
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    private static ExchangeRate toRate(ResultSet row, int rowNumber) throws SQLException {
        return new ExchangeRate(
                row.getString("currency"),
                row.getObject("rate_date", LocalDate.class),
                SqlNumbers.plain(row.getBigDecimal("rate")));
    }
}
