package dev.retention.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.persistence.support.AdapterTest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database decides what is a change to report data: writes to the report tables are announced once their
 * transaction commits, whichever statement made them; keys, the audit log, the progress of a fit, reads and
 * rolled-back work are not.
 */
@SpringJUnitConfig(AdapterTest.Infrastructure.class)
class CommittedDataChangesTest extends AdapterTest {

    private final AtomicInteger announced = new AtomicInteger();

    @Autowired
    private JdbcTransactionManager transactionManager;

    @BeforeEach
    void listen() {
        transactionManager.setTransactionExecutionListeners(
                java.util.List.of(new CommittedDataChanges(jdbc, announced::incrementAndGet)));
        announced.set(0);
    }

    @Test
    void aCommittedWriteToReportDataIsAnnouncedOnceAfterTheCommit() {
        transactions.executeWithoutResult(status -> {
            customer("crm-1", null);
            customer("crm-2", null);
            assertThat(announced).hasValue(0);
        });

        assertThat(announced).hasValue(1);
    }

    @Test
    void writesToKeysAndTheAuditLogAreNotReportData() {
        transactions.executeWithoutResult(
                status -> jdbc.update("insert into audit_entry (occurred_at, actor, action, target) "
                        + "values (now(), 'admin', 'api-key.issued', 'k')"));

        assertThat(announced).hasValue(0);
    }

    @Test
    void theProgressOfAFitAndALeaseCheckThatFindsNothingAreNoChangeButItsOutcomeIs() {
        UUID model = UUID.randomUUID();
        jdbc.update(
                "insert into clv_model (id, trigger, calibration_end, time_unit, horizon_months, "
                        + "monthly_discount_rate, zone, status, stage, progress_percent, requested_at) "
                        + "values (?, 'REQUESTED', '2026-06-01', 'WEEK', 12, 0.01, 'UTC', 'RUNNING', 'starting', 0, "
                        + "now())",
                model);

        transactions.executeWithoutResult(status ->
                jdbc.update("update clv_model set stage = 'fitting', progress_percent = 40 where id = ?", model));
        // what the lease check of every instance runs every few seconds, usually changing no row
        transactions.executeWithoutResult(
                status -> jdbc.update(
                        "update clv_model set status = 'QUEUED', owner = null where status = 'RUNNING' and lease_until < now()"));
        int afterProgress = announced.get();
        transactions.executeWithoutResult(
                status -> jdbc.update("update clv_model set status = 'SUCCEEDED' where id = ?", model));

        assertThat(afterProgress).isZero();
        assertThat(announced).hasValue(1);
    }

    @Test
    void rolledBackAndReadOnlyWorkIsNotAnnounced() {
        transactions.executeWithoutResult(status -> {
            customer("crm-1", null);
            status.setRollbackOnly();
        });
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> jdbc.queryForObject("select count(*) from customer", Long.class));

        assertThat(announced).hasValue(0);
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class))
                .isZero();
    }
}
