package dev.retention.domain.event;

import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.CustomerQuery;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Customers and events in memory, with transactions that roll back on an exception. For use-case tests only. */
final class InMemoryStore implements Customers, CustomerEvents, UnitOfWork {

    private final List<Map<CustomerId, Instant>> acquisitionMoves = new ArrayList<>();

    private Map<CustomerId, Customer> customers = new LinkedHashMap<>();
    private Map<EventKeyRef, CustomerEvent> events = new LinkedHashMap<>();

    Collection<Customer> customers() {
        return customers.values();
    }

    Collection<CustomerEvent> events() {
        return events.values();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Map<CustomerId, Customer> customersBefore = new LinkedHashMap<>(customers);
        Map<EventKeyRef, CustomerEvent> eventsBefore = new LinkedHashMap<>(events);
        try {
            return work.get();
        } catch (RuntimeException e) {
            customers = customersBefore;
            events = eventsBefore;
            throw e;
        }
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return Optional.ofNullable(customers.get(id));
    }

    @Override
    public Optional<Customer> findByExternalId(String externalId) {
        return customers.values().stream()
                .filter(c -> c.externalId().equals(externalId))
                .findFirst();
    }

    @Override
    public Map<CustomerId, Customer> findAllById(Collection<CustomerId> ids) {
        Map<CustomerId, Customer> found = new HashMap<>();
        ids.forEach(id -> findById(id).ifPresent(c -> found.put(id, c)));
        return found;
    }

    @Override
    public Map<String, Customer> findAllByExternalId(Collection<String> externalIds) {
        Map<String, Customer> found = new HashMap<>();
        externalIds.forEach(id -> findByExternalId(id).ifPresent(c -> found.put(id, c)));
        return found;
    }

    @Override
    public Page<Customer> search(CustomerQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean add(Customer customer) {
        if (findByExternalId(customer.externalId()).isPresent()) {
            return false;
        }
        customers.put(customer.id(), customer);
        return true;
    }

    @Override
    public int addAll(List<Customer> list) {
        return (int) list.stream().filter(this::add).count();
    }

    @Override
    public Optional<Customer> update(Customer customer) {
        customers.put(customer.id(), customer);
        return Optional.of(customer);
    }

    /** What each call to {@link #moveAcquisitionEarlier} was asked to move, in order. */
    public List<Map<CustomerId, Instant>> acquisitionMoves() {
        return acquisitionMoves;
    }

    @Override
    public void moveAcquisitionEarlier(Map<CustomerId, Instant> earliestEvents) {
        acquisitionMoves.add(Map.copyOf(earliestEvents));
        earliestEvents.forEach((id, first) -> {
            Customer customer = customers.get(id);
            if (customer.acquiredAt() == null || first.isBefore(customer.acquiredAt())) {
                customers.put(id, customer.acquiredAt(first));
            }
        });
    }

    @Override
    public Set<EventKeyRef> insertNew(List<CustomerEvent> list) {
        Set<EventKeyRef> inserted = new HashSet<>();
        for (CustomerEvent event : list) {
            if (events.putIfAbsent(EventKeyRef.of(event), event) == null) {
                inserted.add(EventKeyRef.of(event));
            }
        }
        return inserted;
    }

    @Override
    public Map<EventKeyRef, CustomerEvent> findByKeys(Collection<EventKeyRef> keys) {
        Map<EventKeyRef, CustomerEvent> found = new HashMap<>();
        keys.forEach(key -> Optional.ofNullable(events.get(key)).ifPresent(e -> found.put(key, e)));
        return found;
    }

    @Override
    public Page<CustomerEvent> history(CustomerId customerId, Instant from, Instant to, PageRequest page) {
        throw new UnsupportedOperationException();
    }
}
