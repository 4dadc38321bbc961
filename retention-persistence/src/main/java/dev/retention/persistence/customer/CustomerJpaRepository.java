package dev.retention.persistence.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CustomerJpaRepository extends JpaRepository<CustomerEntity, UUID>, JpaSpecificationExecutor<CustomerEntity> {

    Optional<CustomerEntity> findByExternalId(String externalId);

    List<CustomerEntity> findByExternalIdIn(Collection<String> externalIds);
}
