package dev.retention.domain.feedback;

import dev.retention.domain.metrics.ReportingPeriods;
import java.util.List;

/** Counts the survey answers per reporting period: the inputs of NPS and CSAT. */
public class ReportFeedback {

    private final Feedbacks feedbacks;

    public ReportFeedback(Feedbacks feedbacks) {
        this.feedbacks = feedbacks;
    }

    /** One count per period, in the periods' order; {@code segment} null for all customers. */
    public List<FeedbackCounts> perPeriod(ReportingPeriods periods, String segment) {
        return feedbacks.perPeriod(periods, segment);
    }
}
