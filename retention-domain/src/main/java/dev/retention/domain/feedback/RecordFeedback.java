package dev.retention.domain.feedback;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.event.CustomerReference;
import dev.retention.domain.event.EventOutcome;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.EventType;
import dev.retention.domain.event.IngestionResult;
import dev.retention.domain.event.RecordEvents;
import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.UnitOfWork;
import dev.retention.domain.shared.Violation;
import dev.retention.domain.strategy.Strategies;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stores an answer and the customer's FEEDBACK event with it, in one transaction. */
public class RecordFeedback {

    private final Customers customers;
    private final RecordEvents recordEvents;
    private final Feedbacks feedbacks;
    private final Strategies strategies;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RecordFeedback(
            Customers customers,
            RecordEvents recordEvents,
            Feedbacks feedbacks,
            Strategies strategies,
            UnitOfWork unitOfWork,
            Clock clock) {
        this.customers = customers;
        this.recordEvents = recordEvents;
        this.feedbacks = feedbacks;
        this.strategies = strategies;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public Feedback record(
            CustomerId respondent,
            Integer npsScore,
            Integer csatScore,
            FeedbackChannel channel,
            String comment,
            UUID strategyId,
            Instant occurredAt) {
        customers.existing(respondent);
        UUID customerId = respondent.value();
        Instant now = Instants.now(clock);
        UUID id = UUID.randomUUID();
        Instant at = occurredAt == null ? now : Instants.stored(occurredAt);
        // Checked before anything is written; the stored answer also names its event.
        new Feedback(id, customerId, null, npsScore, csatScore, channel, comment, strategyId, at, now);
        if (strategyId != null && strategies.find(strategyId).isEmpty()) {
            throw InvalidInputException.rule("strategyId", "names no strategy");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("feedbackId", id.toString());
        if (npsScore != null) {
            properties.put("npsScore", npsScore);
        }
        if (csatScore != null) {
            properties.put("csatScore", csatScore);
        }
        properties.put("channel", channel.name());
        EventSubmission event = new EventSubmission(
                CustomerReference.byId(CustomerId.of(customerId)),
                EventType.FEEDBACK,
                at,
                null,
                null,
                null,
                properties,
                "feedback-" + id);
        return unitOfWork.inTransaction(() -> {
            IngestionResult result = recordEvents.record(List.of(event));
            EventOutcome outcome = result.outcomes().get(0);
            if ("customer-erased".equals(outcome.problem())) {
                throw new ConflictException(
                        outcome.problem(),
                        "Customer " + customerId + " has been erased and " + "takes no new feedback.");
            }
            if (outcome.status() != EventOutcome.Status.CREATED) {
                throw new InvalidInputException(
                        outcome.errors() == null || outcome.errors().isEmpty()
                                ? List.of(new Violation("occurredAt", "the FEEDBACK event was refused"))
                                : outcome.errors());
            }
            Feedback stored = new Feedback(
                    id, customerId, outcome.event().id(), npsScore, csatScore, channel, comment, strategyId, at, now);
            feedbacks.add(stored);
            return stored;
        });
    }
}
