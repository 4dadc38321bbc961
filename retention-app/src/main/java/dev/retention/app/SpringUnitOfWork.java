package dev.retention.app;

import dev.retention.domain.shared.UnitOfWork;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs work in one database transaction. When the work fails and the rollback fails too (typically because the
 * database went away), the work's own exception is thrown with the rollback failure attached, so that callers see
 * why the work failed rather than why the clean-up did.
 */
class SpringUnitOfWork implements UnitOfWork {

    private final PlatformTransactionManager transactionManager;

    SpringUnitOfWork(PlatformTransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        TransactionStatus status = transactionManager.getTransaction(new DefaultTransactionDefinition());
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failure) {
            try {
                transactionManager.rollback(status);
            } catch (RuntimeException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
        transactionManager.commit(status);
        return result;
    }
}
