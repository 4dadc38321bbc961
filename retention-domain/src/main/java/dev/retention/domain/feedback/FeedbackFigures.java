package dev.retention.domain.feedback;

import dev.retention.domain.shared.Decimals;
import java.math.BigDecimal;

/**
 * NPS = % promoters (9-10) - % detractors (0-6) of the NPS answers, from -100 to 100; CSAT = mean satisfaction
 * score, 1 to 5; both null without answers, rounded half-even to 4 decimals.
 */
public record FeedbackFigures(FeedbackCounts counts, BigDecimal nps, BigDecimal csat) {

    public static FeedbackFigures of(FeedbackCounts counts) {
        BigDecimal nps = Decimals.percent(counts.promoters() - counts.detractors(), counts.npsResponses());
        BigDecimal csat =
                Decimals.ratio(BigDecimal.valueOf(counts.csatSum()), BigDecimal.valueOf(counts.csatResponses()));
        return new FeedbackFigures(counts, nps, csat);
    }
}
