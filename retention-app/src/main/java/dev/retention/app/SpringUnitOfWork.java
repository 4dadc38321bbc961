package dev.retention.app;

import dev.retention.domain.shared.UnitOfWork;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs work in one database transaction. When the database chose the transaction as the victim of a deadlock, the
 * work runs again in a new transaction, a few times after a short random pause: two batches touching the same
 * customers in different orders are legitimate, and the one that lost should not fail for it. Work that joined a
 * caller's transaction is not repeated, since the caller's transaction is lost too; the caller's own unit of work
 * repeats it. When the work fails and the rollback fails too (typically because the database went away), the work's
 * own exception is thrown with the rollback failure attached, so that callers see why the work failed rather than
 * why the clean-up did.
 */
class SpringUnitOfWork implements UnitOfWork {

    static final int ATTEMPTS = 4;

    private static final Logger log = LoggerFactory.getLogger(SpringUnitOfWork.class);

    private final PlatformTransactionManager transactionManager;

    SpringUnitOfWork(PlatformTransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            TransactionStatus status = transactionManager.getTransaction(new DefaultTransactionDefinition());
            try {
                return runAndCommit(work, status);
            } catch (PessimisticLockingFailureException deadlock) {
                if (!status.isNewTransaction() || attempt == ATTEMPTS) {
                    throw deadlock;
                }
                log.info("Deadlock victim, running the transaction again (attempt {} of {})", attempt + 1, ATTEMPTS);
                pauseBefore(attempt + 1);
            }
        }
    }

    private <T> T runAndCommit(Supplier<T> work, TransactionStatus status) {
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

    /** A random pause growing with the attempt, so that the two transactions do not meet again at once. */
    private static void pauseBefore(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5L << attempt, 20L << attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to repeat a transaction", interrupted);
        }
    }
}
