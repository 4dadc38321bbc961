package dev.retention.api.security;

import dev.retention.domain.security.ApiKey;
import dev.retention.domain.security.AuditEntry;
import dev.retention.domain.security.Scope;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface SecurityApiMapper {

    @Mapping(target = "status", expression = "java(status(key, clock))")
    ApiKeyResponse toResponse(ApiKey key, @Context Clock clock);

    AuditEntryResponse toResponse(AuditEntry entry);

    default List<String> scopes(Set<Scope> scopes) {
        return scopes.stream().map(Scope::value).sorted().toList();
    }

    default ApiKeyStatus status(ApiKey key, Clock clock) {
        if (key.isRevoked()) {
            return ApiKeyStatus.REVOKED;
        }
        return key.isExpiredAt(clock.instant()) ? ApiKeyStatus.EXPIRED : ApiKeyStatus.ACTIVE;
    }
}
