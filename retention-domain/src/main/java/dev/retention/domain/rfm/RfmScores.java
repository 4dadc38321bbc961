package dev.retention.domain.rfm;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Scores customers by the rule of {@link RfmFigures} and {@link RfmRanking} ({@link RfmBook} from the kept money
 * histories, the database's statement where they are not kept): quintiles like
 * NTILE(5) over last purchase, purchase count and net amount in the window, each ascending with ties broken by
 * customer id, so that the same data always give the same scores; the segment follows {@link RfmSegment#of}.
 */
public interface RfmScores {

    /** The customers, revenue and monetary score sum of every (R, F) cell that has customers. */
    List<RfmCell> cells(RfmQuery query);

    /** The members of one segment, most recent purchase first. */
    Page<RfmScore> members(RfmQuery query, RfmSegment segment, PageRequest page);

    /** The ids of the customers in any of these segments. */
    List<UUID> customerIds(RfmQuery query, Set<RfmSegment> segments);

    /** One customer's scores; empty when it made no purchase in the window. */
    Optional<RfmScore> of(RfmQuery query, CustomerId customerId);
}
