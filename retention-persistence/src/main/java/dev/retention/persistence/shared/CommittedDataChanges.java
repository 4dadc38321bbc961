package dev.retention.persistence.shared;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Tells a listener after each committed transaction that changed report data. The database decides what counts as
 * such a change (its triggers mark the transaction), so no write path has to remember to announce itself. Read-only
 * transactions are not asked: they cannot change anything.
 */
public class CommittedDataChanges implements TransactionExecutionListener {

    private static final String MARKED = "select current_setting('retention.data_changed', true) = 'on'";

    private final JdbcTemplate jdbc;
    private final Runnable onChange;
    private final ThreadLocal<Boolean> changing = new ThreadLocal<>();

    public CommittedDataChanges(JdbcTemplate jdbc, Runnable onChange) {
        this.jdbc = jdbc;
        this.onChange = onChange;
    }

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        if (transaction.isNewTransaction() && !transaction.isReadOnly() && !transaction.isRollbackOnly()) {
            changing.set(Boolean.TRUE.equals(jdbc.queryForObject(MARKED, Boolean.class)));
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        if (!transaction.isNewTransaction()) {
            return;
        }
        boolean changed = Boolean.TRUE.equals(changing.get());
        changing.remove();
        if (changed && commitFailure == null) {
            onChange.run();
        }
    }

    @Override
    public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
        if (transaction.isNewTransaction()) {
            changing.remove();
        }
    }
}
