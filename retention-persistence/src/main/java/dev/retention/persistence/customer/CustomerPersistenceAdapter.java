package dev.retention.persistence.customer;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.CustomerQuery;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.JsonColumns;
import dev.retention.persistence.shared.SqlArrays;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class CustomerPersistenceAdapter implements Customers {

    private static final Sort STABLE_ORDER = Sort.by("createdAt", "id");

    private final CustomerJpaRepository repository;
    private final JdbcTemplate jdbc;

    CustomerPersistenceAdapter(CustomerJpaRepository repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Customer> findById(CustomerId id) {
        return repository.findById(id.value()).map(CustomerPersistenceAdapter::toDomain);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Customer> findByExternalId(String externalId) {
        return repository.findByExternalId(externalId).map(CustomerPersistenceAdapter::toDomain);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<CustomerId, Customer> findAllById(Collection<CustomerId> ids) {
        return findAllWhere("id = any (?::uuid[])", List.copyOf(ids), CustomerId::value).stream()
                .collect(Collectors.toMap(Customer::id, Function.identity()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Customer> findAllByExternalId(Collection<String> externalIds) {
        return findAllWhere("external_id = any (?::text[])", List.copyOf(externalIds), Function.identity()).stream()
                .collect(Collectors.toMap(Customer::externalId, Function.identity()));
    }

    /** Bulk lookups bypass JPA: thousands of customers per ingested batch, read once and not changed. */
    private <T> List<Customer> findAllWhere(String condition, List<T> keys, Function<T, Object> key) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    select id, external_id, name, email, segment, acquired_at, attributes::text as attributes,
                           created_at, updated_at, erased_at, version
                    from customer where\s""" + condition)) {
                statement.setArray(1, SqlArrays.textArray(connection, keys, key));
                List<Customer> found = new java.util.ArrayList<>(keys.size());
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Customer(
                                CustomerId.of(rows.getObject("id", UUID.class)),
                                rows.getString("external_id"),
                                rows.getString("name"),
                                rows.getString("email"),
                                rows.getString("segment"),
                                instant(rows.getObject("acquired_at", OffsetDateTime.class)),
                                JsonColumns.readStrings(rows.getString("attributes")),
                                instant(rows.getObject("created_at", OffsetDateTime.class)),
                                instant(rows.getObject("updated_at", OffsetDateTime.class)),
                                instant(rows.getObject("erased_at", OffsetDateTime.class)),
                                rows.getLong("version")));
                    }
                }
                return found;
            }
        });
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Customer> search(CustomerQuery query, PageRequest page) {
        var result = repository.findAll(
                CustomerSpecifications.matching(query),
                org.springframework.data.domain.PageRequest.of(page.page(), page.size(), STABLE_ORDER));
        return new Page<>(
                result.getContent().stream()
                        .map(CustomerPersistenceAdapter::toDomain)
                        .toList(),
                page.page(),
                page.size(),
                result.getTotalElements());
    }

    @Override
    @Transactional
    public boolean add(Customer customer) {
        int inserted = jdbc.update(
                """
                insert into customer (id, external_id, name, email, segment, acquired_at, acquired_at_explicit,
                                      attributes, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 0)
                on conflict (external_id) do nothing
                """,
                customer.id().value(),
                customer.externalId(),
                customer.name(),
                customer.email(),
                customer.segment(),
                utc(customer.acquiredAt()),
                customer.acquiredAt() != null,
                JsonColumns.write(customer.attributes()),
                utc(customer.createdAt()),
                utc(customer.updatedAt()));
        return inserted == 1;
    }

    @Override
    @Transactional
    public int addAll(List<Customer> customers) {
        if (customers.isEmpty()) {
            return 0;
        }
        // Inserted in external id order, so that two batches creating the same customers wait for each other
        // instead of each holding one that the other needs.
        Integer added = jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    insert into customer (id, external_id, name, email, segment, acquired_at, acquired_at_explicit,
                                          attributes, created_at, updated_at, version)
                    select id::uuid, external_id, name, email, segment, acquired_at::timestamptz,
                           acquired_at is not null, attributes::jsonb, created_at::timestamptz,
                           created_at::timestamptz, 0
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[])
                         as c(id, external_id, name, email, segment, acquired_at, attributes, created_at)
                    order by external_id
                    on conflict (external_id) do nothing
                    """)) {
                statement.setArray(1, SqlArrays.textArray(connection, customers, c -> c.id().value()));
                statement.setArray(2, SqlArrays.textArray(connection, customers, Customer::externalId));
                statement.setArray(3, SqlArrays.textArray(connection, customers, Customer::name));
                statement.setArray(4, SqlArrays.textArray(connection, customers, Customer::email));
                statement.setArray(5, SqlArrays.textArray(connection, customers, Customer::segment));
                statement.setArray(6, SqlArrays.textArray(connection, customers, Customer::acquiredAt));
                statement.setArray(
                        7, SqlArrays.textArray(connection, customers, c -> JsonColumns.write(c.attributes())));
                statement.setArray(8, SqlArrays.textArray(connection, customers, Customer::createdAt));
                return statement.executeUpdate();
            }
        });
        return added == null ? 0 : added;
    }

    @Override
    @Transactional
    public Optional<Customer> update(Customer customer) {
        Optional<CustomerEntity> found = repository.findById(customer.id().value());
        if (found.isEmpty() || found.get().getVersion() != customer.version()) {
            return Optional.empty();
        }
        CustomerEntity entity = found.get();
        entity.changeDetails(
                customer.name(),
                customer.email(),
                customer.segment(),
                customer.attributes(),
                customer.updatedAt(),
                customer.erasedAt());
        try {
            return Optional.of(toDomain(repository.saveAndFlush(entity)));
        } catch (ObjectOptimisticLockingFailureException concurrentChange) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional
    public void moveAcquisitionEarlier(Map<CustomerId, Instant> earliestEvents) {
        if (earliestEvents.isEmpty()) {
            return;
        }
        List<Map.Entry<CustomerId, Instant>> rows = List.copyOf(earliestEvents.entrySet());
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    update customer c
                    set acquired_at = f.first_at::timestamptz
                    from unnest(?::uuid[], ?::text[]) as f(customer_id, first_at)
                    where c.id = f.customer_id
                      and not c.acquired_at_explicit
                      and (c.acquired_at is null or c.acquired_at > f.first_at::timestamptz)
                    """)) {
                statement.setArray(
                        1,
                        SqlArrays.textArray(
                                connection, rows, row -> row.getKey().value()));
                statement.setArray(2, SqlArrays.textArray(connection, rows, Map.Entry::getValue));
                return statement.executeUpdate();
            }
        });
    }

    static Customer toDomain(CustomerEntity entity) {
        return new Customer(
                CustomerId.of(entity.getId()),
                entity.getExternalId(),
                entity.getName(),
                entity.getEmail(),
                entity.getSegment(),
                entity.getAcquiredAt(),
                entity.getAttributes(),
                entity.getCreatedAt(),
                entity.getUpdatedAt(),
                entity.getErasedAt(),
                entity.getVersion());
    }
}
