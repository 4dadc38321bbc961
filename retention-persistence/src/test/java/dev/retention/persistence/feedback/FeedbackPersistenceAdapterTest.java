package dev.retention.persistence.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.feedback.FeedbackCounts;
import dev.retention.domain.feedback.Feedbacks;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.persistence.support.AdapterTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Survey answers counted per period of the reporting zone, by NPS class and CSAT, optionally for one segment. */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, FeedbackPersistenceAdapter.class})
class FeedbackPersistenceAdapterTest extends AdapterTest {

    private static final ReportingPeriods BERLIN_MONTHS = ReportingPeriods.between(
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-03-01"),
            Granularity.MONTH,
            ZoneId.of("Europe/Berlin"));

    @Autowired
    private Feedbacks feedbacks;

    private void answer(UUID customer, String at, Integer nps, Integer csat) {
        UUID event = UUID.randomUUID();
        Timestamp time = Timestamp.from(Instant.parse(at));
        jdbc.update(
                "insert into customer_event (id, customer_id, type, occurred_at, event_key, recorded_at) "
                        + "values (?, ?, 'FEEDBACK', ?, ?, now())",
                event,
                customer,
                time,
                "fb-" + event);
        jdbc.update(
                "insert into customer_feedback (id, customer_id, event_id, nps_score, csat_score, channel, "
                        + "occurred_at, recorded_at) values (?, ?, ?, ?, ?, 'EMAIL', ?, now())",
                UUID.randomUUID(),
                customer,
                event,
                nps,
                csat,
                time);
    }

    @Test
    void answersCountInTheLocalMonthOfTheirMoment() {
        UUID ada = customer("crm-1", "retail");
        answer(ada, "2026-01-31T22:30:00Z", 10, 5); // 23:30 on 31 January in Berlin
        answer(ada, "2026-01-31T23:30:00Z", 6, null); // 00:30 on 1 February in Berlin
        answer(ada, "2026-02-15T12:00:00Z", 8, 3);
        answer(ada, "2025-12-31T22:59:59Z", 0, 1); // 23:59:59 on 31 December in Berlin: before the range

        List<FeedbackCounts> counts = feedbacks.perPeriod(BERLIN_MONTHS, null);

        assertThat(counts).containsExactly(new FeedbackCounts(1, 1, 0, 0, 1, 5), new FeedbackCounts(2, 0, 1, 1, 1, 3));
    }

    @Test
    void aSegmentCountsOnlyItsCustomersAndAnEmptyPeriodCountsNothing() {
        UUID ada = customer("crm-1", "retail");
        UUID bob = customer("crm-2", "wholesale");
        answer(ada, "2026-02-10T12:00:00Z", 9, null);
        answer(bob, "2026-02-11T12:00:00Z", 3, 2);

        List<FeedbackCounts> counts = feedbacks.perPeriod(BERLIN_MONTHS, "wholesale");

        assertThat(counts).containsExactly(FeedbackCounts.NONE, new FeedbackCounts(1, 0, 0, 1, 1, 2));
    }
}
