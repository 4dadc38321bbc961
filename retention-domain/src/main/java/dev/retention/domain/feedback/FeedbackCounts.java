package dev.retention.domain.feedback;

/** The answers of one period: all of them, the NPS answers by kind, and the satisfaction answers with their sum. */
public record FeedbackCounts(
        long responses, long promoters, long passives, long detractors, long csatResponses, long csatSum) {

    public static final FeedbackCounts NONE = new FeedbackCounts(0, 0, 0, 0, 0, 0);

    public long npsResponses() {
        return promoters + passives + detractors;
    }

    public FeedbackCounts plus(FeedbackCounts other) {
        return new FeedbackCounts(
                responses + other.responses,
                promoters + other.promoters,
                passives + other.passives,
                detractors + other.detractors,
                csatResponses + other.csatResponses,
                csatSum + other.csatSum);
    }
}
