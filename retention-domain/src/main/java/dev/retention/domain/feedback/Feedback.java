package dev.retention.domain.feedback;

import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A customer's answer: a Net Promoter score 0 to 10 (how likely it would recommend us) and/or a satisfaction score
 * 1 to 5, the channel, an optional comment, and optionally the strategy that asked for it. It is also kept as the
 * customer's FEEDBACK event {@code eventId}.
 */
public record Feedback(UUID id, UUID customerId, UUID eventId, Integer npsScore, Integer csatScore,
        FeedbackChannel channel, String comment, UUID strategyId, Instant occurredAt, Instant recordedAt) {

    public static final int MAX_COMMENT_LENGTH = 2000;

    public Feedback {
        List<Violation> violations = new ArrayList<>();
        if (npsScore == null && csatScore == null) {
            violations.add(new Violation("npsScore", "npsScore or csatScore is required"));
        }
        if (npsScore != null && (npsScore < 0 || npsScore > 10)) {
            violations.add(new Violation("npsScore", "must be between 0 and 10"));
        }
        if (csatScore != null && (csatScore < 1 || csatScore > 5)) {
            violations.add(new Violation("csatScore", "must be between 1 and 5"));
        }
        if (channel == null) {
            violations.add(new Violation("channel", "is required"));
        }
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            violations.add(new Violation("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
