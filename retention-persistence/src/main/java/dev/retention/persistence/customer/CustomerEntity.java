package dev.retention.persistence.customer;

import dev.retention.persistence.shared.StringMapJsonConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

@Entity
@Table(name = "customer")
class CustomerEntity {

    @Id
    private UUID id;

    @Column(name = "external_id", nullable = false, updatable = false)
    private String externalId;

    private String name;
    private String email;
    private String segment;

    @Column(name = "acquired_at")
    private Instant acquiredAt;

    @Column(name = "acquired_at_explicit", nullable = false)
    private boolean acquiredAtExplicit;

    @Convert(converter = StringMapJsonConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(columnDefinition = "jsonb", nullable = false)
    private Map<String, String> attributes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Version
    private long version;

    protected CustomerEntity() {}

    UUID getId() {
        return id;
    }

    String getExternalId() {
        return externalId;
    }

    String getName() {
        return name;
    }

    String getEmail() {
        return email;
    }

    String getSegment() {
        return segment;
    }

    Instant getAcquiredAt() {
        return acquiredAt;
    }

    Map<String, String> getAttributes() {
        return attributes;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getErasedAt() {
        return erasedAt;
    }

    long getVersion() {
        return version;
    }

    void changeDetails(
            String name,
            String email,
            String segment,
            Map<String, String> attributes,
            Instant updatedAt,
            Instant erasedAt) {
        this.name = name;
        this.email = email;
        this.segment = segment;
        this.attributes = attributes;
        this.updatedAt = updatedAt;
        this.erasedAt = erasedAt;
    }
}
