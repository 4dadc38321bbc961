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
public record Feedback(
        UUID id,
        UUID customerId,
        UUID eventId,
        Integer npsScore,
        Integer csatScore,
        FeedbackChannel channel,
        String comment,
        UUID strategyId,
        Instant occurredAt,
        Instant recordedAt) {

    public static final int MAX_COMMENT_LENGTH = 2000;
    public static final int MIN_NPS = 0;
    public static final int MAX_NPS = 10;
    public static final int MIN_CSAT = 1;
    public static final int MAX_CSAT = 5;

    public Feedback {
        List<Violation> violations = new ArrayList<>();
        if (npsScore == null && csatScore == null) {
            violations.add(Violation.rule("npsScore", "npsScore or csatScore is required"));
        }
        if (npsScore != null && (npsScore < MIN_NPS || npsScore > MAX_NPS)) {
            violations.add(new Violation("npsScore", "must be between " + MIN_NPS + " and " + MAX_NPS));
        }
        if (csatScore != null && (csatScore < MIN_CSAT || csatScore > MAX_CSAT)) {
            violations.add(new Violation("csatScore", "must be between " + MIN_CSAT + " and " + MAX_CSAT));
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
