package dev.retention.api.security;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.domain.security.ReadAuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration")
class AuditController {

    private final ReadAuditLog auditLog;
    private final SecurityApiMapper mapper;

    AuditController(ReadAuditLog auditLog, SecurityApiMapper mapper) {
        this.auditLog = auditLog;
        this.mapper = mapper;
    }

    @GetMapping("/api/v1/admin/audit")
    @Operation(
            operationId = "listAuditEntries",
            summary = "The audit log",
            description = "Administrative actions (keys issued and revoked, customers erased), newest first.")
    @ApiResponse(responseCode = "200", description = "One page of entries.")
    PageResponse<AuditEntryResponse> list(
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(auditLog.entries(Paging.of(page, size)), mapper::toResponse);
    }
}
