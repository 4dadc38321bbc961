package dev.retention.domain.event;

import dev.retention.domain.shared.Violation;
import java.util.List;

/** What became of one submitted event. */
public record EventOutcome(int index, Status status, CustomerEvent event, String problem, List<Violation> errors) {

    public enum Status {
        /** Stored now. */
        CREATED,
        /** The same event was stored before under the same key; nothing written. */
        DUPLICATE,
        /** The key is taken by an event with other content; nothing written. */
        CONFLICT,
        /** Refused by validation or a business rule; nothing written. */
        INVALID,
        /** Valid, but not stored because other events of the same batch were rejected. */
        NOT_STORED
    }

    public EventOutcome {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static EventOutcome created(int index, CustomerEvent event) {
        return new EventOutcome(index, Status.CREATED, event, null, List.of());
    }

    public static EventOutcome duplicate(int index, CustomerEvent stored) {
        return new EventOutcome(index, Status.DUPLICATE, stored, null, List.of());
    }

    public static EventOutcome conflict(int index, CustomerEvent stored) {
        return new EventOutcome(
                index,
                Status.CONFLICT,
                stored,
                "event-key-conflict",
                List.of(new Violation(
                        "eventKey", "is already used by another event of this customer with different content")));
    }

    public static EventOutcome notStored(int index) {
        return new EventOutcome(index, Status.NOT_STORED, null, null, List.of());
    }

    public static EventOutcome invalid(int index, String problem, List<Violation> errors) {
        return new EventOutcome(index, Status.INVALID, null, problem, errors);
    }

    public boolean isRejected() {
        return status == Status.CONFLICT || status == Status.INVALID;
    }
}
