package dev.retention.domain.rfm;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;

/** Scores the customers who bought in a window by recency, frequency and monetary value, and groups them. */
public class SegmentByRfm {

    private final RfmScores scores;
    private final Customers customers;

    public SegmentByRfm(RfmScores scores, Customers customers) {
        this.scores = scores;
        this.customers = customers;
    }

    /** The grid of recency and frequency scores, with every segment's size, revenue and average scores. */
    public RfmGrid grid(RfmQuery query) {
        return RfmGrid.of(scores.cells(query));
    }

    /** The segment's customers, most recent purchase first. */
    public Page<RfmScore> members(RfmQuery query, RfmSegment segment, PageRequest page) {
        return scores.members(query, segment, page);
    }

    /** The customer's scores; not found when no customer has the id or it bought nothing in the window. */
    public RfmScore of(RfmQuery query, CustomerId customerId) {
        customers.existing(customerId);
        return scores.of(query, customerId)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "RFM score",
                        customerId,
                        "Customer " + customerId + " made no purchase in the window, so it has no RFM score."));
    }
}
