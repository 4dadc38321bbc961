package dev.retention.persistence.shared;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** One page of a table's rows in a given order, with the count of all of them. */
public final class SqlPages {

    private SqlPages() {}

    /**
     * @param table the table (and any condition without parameters) to page through
     * @param order the order of the rows, such as {@code created_at desc, id}
     */
    public static <T> Page<T> of(JdbcTemplate jdbc, String table, String order, RowMapper<T> rows, PageRequest page) {
        Long total = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return new Page<>(
                jdbc.query(
                        "select * from " + table + " order by " + order + " limit ? offset ?",
                        rows,
                        page.size(),
                        page.offset()),
                page.page(),
                page.size(),
                total == null ? 0 : total);
    }
}
