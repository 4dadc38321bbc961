package dev.retention.domain.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * NPS = % promoters (9-10) - % detractors (0-6) of the NPS answers, from -100 to 100; CSAT = mean satisfaction
 * score, 1 to 5; both null without answers, rounded half-even to 4 decimals.
 */
public record FeedbackFigures(FeedbackCounts counts, BigDecimal nps, BigDecimal csat) {

    private static final int SCALE = 4;

    public static FeedbackFigures of(FeedbackCounts counts) {
        BigDecimal nps = counts.npsResponses() == 0 ? null
                : BigDecimal.valueOf((counts.promoters() - counts.detractors()) * 100L)
                        .divide(BigDecimal.valueOf(counts.npsResponses()), SCALE, RoundingMode.HALF_EVEN);
        BigDecimal csat = counts.csatResponses() == 0 ? null
                : BigDecimal.valueOf(counts.csatSum())
                        .divide(BigDecimal.valueOf(counts.csatResponses()), SCALE, RoundingMode.HALF_EVEN);
        return new FeedbackFigures(counts, nps, csat);
    }
}
