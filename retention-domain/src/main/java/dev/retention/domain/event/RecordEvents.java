package dev.retention.domain.event;

import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.customer.NewCustomer;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.Money;
import dev.retention.domain.shared.UnitOfWork;
import dev.retention.domain.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records a batch of events all or nothing. Every event is checked first; if any is malformed, breaks a rule,
 * names an unknown customer or reuses a key with other content, nothing is written and each event's outcome says
 * why. Otherwise new events are stored, events already stored under the same key are reported as duplicates, and
 * customers named by an unknown external id with {@code createIfMissing} are created.
 */
public class RecordEvents {

    public static final int MAX_BATCH_SIZE = 5_000;

    private final Customers customers;
    private final CustomerEvents events;
    private final EventRules rules;
    private final CurrencyConversion conversion;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final EventsRecordedListener listener;

    public RecordEvents(
            Customers customers,
            CustomerEvents events,
            EventRules rules,
            CurrencyConversion conversion,
            UnitOfWork unitOfWork,
            Clock clock) {
        this(customers, events, rules, conversion, unitOfWork, clock, EventsRecordedListener.NONE);
    }

    public RecordEvents(
            Customers customers,
            CustomerEvents events,
            EventRules rules,
            CurrencyConversion conversion,
            UnitOfWork unitOfWork,
            Clock clock,
            EventsRecordedListener listener) {
        this.customers = customers;
        this.events = events;
        this.rules = rules;
        this.conversion = conversion;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.listener = listener;
    }

    /** Records one event of the customer it names by id; not found when no customer has that id. */
    public IngestionResult recordOne(EventSubmission submission) {
        customers.existing(submission.customer().id());
        return record(List.of(submission));
    }

    public IngestionResult record(List<EventSubmission> submissions) {
        if (submissions.size() > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("at most " + MAX_BATCH_SIZE + " events per batch");
        }
        Instant now = Instants.now(clock);
        EventOutcome[] outcomes = new EventOutcome[submissions.size()];
        for (int i = 0; i < submissions.size(); i++) {
            outcomes[i] = check(i, submissions.get(i), now);
        }
        // Converted only where the checks passed, so that one answer names every problem of the batch.
        List<EventSubmission> valid = new ArrayList<>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            valid.add(outcomes[i] == null ? submissions.get(i) : null);
        }
        CurrencyConversion.Outcome[] conversions = conversion.convert(valid, rules);
        for (int i = 0; i < conversions.length; i++) {
            if (conversions[i] != null && conversions[i].refusal() != null) {
                outcomes[i] = EventOutcome.invalid(i, "event-rule-violated", List.of(conversions[i].refusal()));
            }
        }
        if (anyRejected(outcomes)) {
            return result(outcomes);
        }
        try {
            // A fresh copy per attempt: the unit of work may run the work again after a deadlock.
            return unitOfWork.inTransaction(() -> store(submissions, conversions, outcomes.clone(), now));
        } catch (BatchRejected rejected) {
            return rejected.result;
        }
    }

    private EventOutcome check(int index, EventSubmission submission, Instant now) {
        if (submission == null) {
            return EventOutcome.invalid(
                    index, "invalid-event", List.of(new Violation("", "must be an event, not null")));
        }
        List<Violation> shape = new ArrayList<>(referenceViolations(submission.customer()));
        shape.addAll(rules.checkShape(submission));
        if (!shape.isEmpty()) {
            return EventOutcome.invalid(index, "invalid-event", shape);
        }
        List<Violation> broken = rules.checkRules(submission, now);
        return broken.isEmpty() ? null : EventOutcome.invalid(index, "event-rule-violated", broken);
    }

    private static List<Violation> referenceViolations(CustomerReference reference) {
        if (reference == null
                || (reference.id() == null
                        && (reference.externalId() == null
                                || reference.externalId().isBlank()))) {
            return List.of(new Violation("customerId", "customerId or externalId is required"));
        }
        return List.of();
    }

    private IngestionResult store(
            List<EventSubmission> submissions,
            CurrencyConversion.Outcome[] conversions,
            EventOutcome[] outcomes,
            Instant now) {
        CustomerResolution resolution = resolveCustomers(submissions, outcomes, now);
        if (anyRejected(outcomes)) {
            throw new BatchRejected(result(outcomes));
        }
        Map<EventKeyRef, Integer> firstByKey = new LinkedHashMap<>();
        List<CustomerEvent> candidates = new ArrayList<>();
        CustomerEvent[] built = new CustomerEvent[submissions.size()];
        for (int i = 0; i < submissions.size(); i++) {
            built[i] = toEvent(
                    submissions.get(i),
                    conversions[i] == null ? null : conversions[i].conversion(),
                    resolution.idOf(i),
                    now);
            Integer first = firstByKey.putIfAbsent(EventKeyRef.of(built[i]), i);
            if (first == null) {
                candidates.add(built[i]);
            }
        }
        Set<EventKeyRef> inserted = events.insertNew(candidates);
        List<EventKeyRef> existingKeys = firstByKey.keySet().stream()
                .filter(key -> !inserted.contains(key))
                .toList();
        Map<EventKeyRef, CustomerEvent> existing = events.findByKeys(existingKeys);
        for (int i = 0; i < built.length; i++) {
            EventKeyRef key = EventKeyRef.of(built[i]);
            int first = firstByKey.get(key);
            CustomerEvent stored = inserted.contains(key) ? built[first] : existing.get(key);
            if (!stored.sameContentAs(built[i])) {
                outcomes[i] = EventOutcome.conflict(i, stored);
            } else if (i == first && inserted.contains(key)) {
                outcomes[i] = EventOutcome.created(i, stored);
            } else {
                outcomes[i] = EventOutcome.duplicate(i, stored);
            }
        }
        IngestionResult result = result(outcomes);
        if (!result.accepted()) {
            throw new BatchRejected(result);
        }
        customers.moveAcquisitionEarlier(resolution.movedAcquisitions(earliestPerCustomer(result)));
        listener.recorded(result.outcomes().stream()
                .filter(outcome -> outcome.status() == EventOutcome.Status.CREATED)
                .map(EventOutcome::event)
                .toList());
        return result;
    }

    private static Map<CustomerId, Instant> earliestPerCustomer(IngestionResult result) {
        Map<CustomerId, Instant> earliest = new HashMap<>();
        for (EventOutcome outcome : result.outcomes()) {
            if (outcome.status() == EventOutcome.Status.CREATED) {
                earliest.merge(
                        outcome.event().customerId(), outcome.event().occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return earliest;
    }

    private CustomerResolution resolveCustomers(
            List<EventSubmission> submissions, EventOutcome[] outcomes, Instant now) {
        Set<CustomerId> ids = new LinkedHashSet<>();
        Set<String> externalIds = new LinkedHashSet<>();
        for (EventSubmission submission : submissions) {
            if (submission.customer().id() != null) {
                ids.add(submission.customer().id());
            }
            if (submission.customer().externalId() != null) {
                externalIds.add(submission.customer().externalId());
            }
        }
        Map<CustomerId, Customer> byId = customers.findAllById(ids);
        Map<String, Customer> byExternalId = new HashMap<>(customers.findAllByExternalId(externalIds));
        createMissing(submissions, byExternalId, now);

        CustomerId[] resolved = new CustomerId[submissions.size()];
        Map<CustomerId, Instant> acquisitions = new HashMap<>();
        for (int i = 0; i < submissions.size(); i++) {
            CustomerReference reference = submissions.get(i).customer();
            Customer customer =
                    reference.id() != null ? byId.get(reference.id()) : byExternalId.get(reference.externalId());
            String field = reference.id() != null ? "customerId" : "externalId";
            if (customer == null) {
                outcomes[i] = EventOutcome.invalid(
                        i,
                        "unknown-customer",
                        List.of(new Violation(
                                field,
                                "names no customer"
                                        + (reference.id() == null ? "; set createCustomer to create it" : ""))));
            } else if (reference.externalId() != null && !reference.externalId().equals(customer.externalId())) {
                outcomes[i] = EventOutcome.invalid(
                        i,
                        "invalid-event",
                        List.of(new Violation("externalId", "does not belong to the customer named by customerId")));
            } else if (customer.isErased()) {
                outcomes[i] = EventOutcome.invalid(
                        i,
                        "customer-erased",
                        List.of(new Violation(field, "names an erased customer, who takes no new events")));
            } else {
                resolved[i] = customer.id();
                acquisitions.put(customer.id(), customer.acquiredAt());
            }
        }
        return new CustomerResolution(resolved, acquisitions);
    }

    private void createMissing(List<EventSubmission> submissions, Map<String, Customer> byExternalId, Instant now) {
        Map<String, Customer> toCreate = new LinkedHashMap<>();
        for (EventSubmission submission : submissions) {
            CustomerReference reference = submission.customer();
            if (reference.id() == null
                    && reference.createIfMissing()
                    && !byExternalId.containsKey(reference.externalId())) {
                toCreate.computeIfAbsent(
                        reference.externalId(),
                        externalId ->
                                Customer.register(CustomerId.random(), NewCustomer.withExternalId(externalId), now));
            }
        }
        if (!toCreate.isEmpty()) {
            customers.addAll(List.copyOf(toCreate.values()));
            // Re-read: a concurrent request may have created some of them first.
            byExternalId.putAll(customers.findAllByExternalId(toCreate.keySet()));
        }
    }

    private static CustomerEvent toEvent(
            EventSubmission submission, Conversion conversion, CustomerId customerId, Instant now) {
        Money amount = submission.amount() == null
                ? null
                : Money.of(submission.amount(), java.util.Currency.getInstance(submission.currency()));
        return new CustomerEvent(
                UUID.randomUUID(),
                customerId,
                submission.type(),
                Instants.stored(submission.occurredAt()),
                amount,
                conversion,
                submission.productId(),
                submission.properties(),
                submission.eventKey(),
                now,
                submission.lines());
    }

    private static boolean anyRejected(EventOutcome[] outcomes) {
        for (EventOutcome outcome : outcomes) {
            if (outcome != null && outcome.isRejected()) {
                return true;
            }
        }
        return false;
    }

    /** In a rejected batch, events that were fine are reported as not stored, since nothing was written. */
    private static IngestionResult result(EventOutcome[] outcomes) {
        boolean rejected = anyRejected(outcomes);
        List<EventOutcome> list = new ArrayList<>(outcomes.length);
        for (int i = 0; i < outcomes.length; i++) {
            EventOutcome outcome = outcomes[i];
            boolean rolledBack = outcome == null || (rejected && outcome.status() == EventOutcome.Status.CREATED);
            list.add(rolledBack ? EventOutcome.notStored(i) : outcome);
        }
        return new IngestionResult(list);
    }

    /** The customer of each event, and when each was acquired as read (null until its first event). */
    private record CustomerResolution(CustomerId[] ids, Map<CustomerId, Instant> acquisitions) {

        CustomerId idOf(int index) {
            return ids[index];
        }

        /**
         * The earliest new events that come before their customer's acquisition as read. A derived acquisition only
         * ever moves earlier, so one read at or before the earliest new event cannot need moving; the store decides
         * for the rest (it also leaves acquisitions given explicitly alone).
         */
        Map<CustomerId, Instant> movedAcquisitions(Map<CustomerId, Instant> earliestEvents) {
            Map<CustomerId, Instant> moved = new HashMap<>();
            earliestEvents.forEach((customer, earliest) -> {
                Instant acquired = acquisitions.get(customer);
                if (acquired == null || earliest.isBefore(acquired)) {
                    moved.put(customer, earliest);
                }
            });
            return moved;
        }
    }

    /** Unwinds the transaction so that nothing of a rejected batch is kept. */
    private static final class BatchRejected extends RuntimeException {

        private final transient IngestionResult result;

        BatchRejected(IngestionResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
