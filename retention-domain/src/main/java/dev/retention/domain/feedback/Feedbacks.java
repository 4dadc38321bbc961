package dev.retention.domain.feedback;

import dev.retention.domain.metrics.ReportingPeriods;
import java.util.List;

/** Where answers are kept and counted. */
public interface Feedbacks {

    void add(Feedback feedback);

    /** The answers per period, in order; with {@code segment} given, only that segment's customers. */
    List<FeedbackCounts> perPeriod(ReportingPeriods periods, String segment);
}
