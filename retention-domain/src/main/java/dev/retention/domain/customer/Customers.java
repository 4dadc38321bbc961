package dev.retention.domain.customer;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All customers the service holds. */
public interface Customers {

    Optional<Customer> findById(CustomerId id);

    /** The customer with this id; every "no customer has this id" (a 404 over HTTP) comes from here. */
    default Customer existing(CustomerId id) {
        return findById(id).orElseThrow(() -> new ResourceNotFoundException("Customer", id));
    }

    Optional<Customer> findByExternalId(String externalId);

    /** The customers with these ids that exist, keyed by id. */
    Map<CustomerId, Customer> findAllById(Collection<CustomerId> ids);

    /** The customers with these external ids that exist, keyed by external id. */
    Map<String, Customer> findAllByExternalId(Collection<String> externalIds);

    /** Ordered by creation time, then id, so that paging is stable. */
    Page<Customer> search(CustomerQuery query, PageRequest page);

    /** Inserts the customer; returns false (and writes nothing) when its external id is already taken. */
    boolean add(Customer customer);

    /** Inserts customers in one statement, skipping those whose external id already exists; returns how many it added. */
    int addAll(List<Customer> customers);

    /**
     * Stores changed details if the stored version still equals {@code customer.version()}; returns the stored
     * customer with its new version, or empty when someone else changed it first.
     */
    Optional<Customer> update(Customer customer);

    /**
     * For customers whose acquisition time was not given, moves acquiredAt back to the given time if it is earlier
     * (or sets it if there was none). Called with the earliest newly stored event of each customer, so acquiredAt
     * stays the time of the customer's first event.
     */
    void moveAcquisitionEarlier(Map<CustomerId, Instant> earliestEvents);
}
