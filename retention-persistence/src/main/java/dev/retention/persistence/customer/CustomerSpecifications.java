package dev.retention.persistence.customer;

import dev.retention.domain.customer.CustomerQuery;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

final class CustomerSpecifications {

    private CustomerSpecifications() {}

    static Specification<CustomerEntity> matching(CustomerQuery query) {
        return (root, criteriaQuery, builder) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (query.externalId() != null) {
                predicates.add(builder.equal(root.get("externalId"), query.externalId()));
            }
            if (query.segment() != null) {
                predicates.add(builder.equal(root.get("segment"), query.segment()));
            }
            if (query.acquiredFrom() != null) {
                predicates.add(builder.greaterThanOrEqualTo(root.get("acquiredAt"), query.acquiredFrom()));
            }
            if (query.acquiredTo() != null) {
                predicates.add(builder.lessThan(root.get("acquiredAt"), query.acquiredTo()));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }
}
