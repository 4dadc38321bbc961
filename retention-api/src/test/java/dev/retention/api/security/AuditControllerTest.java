package dev.retention.api.security;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.security.AuditEntry;
import dev.retention.domain.security.ReadAuditLog;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The audit log over HTTP: entries with their details, paged, and page parameters checked. */
@WebSliceTest
@Import({AuditController.class, SecurityApiMapperImpl.class})
class AuditControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ReadAuditLog auditLog;

    @Test
    void entriesArePagedWithTheirDetails() throws Exception {
        given(auditLog.entries(new PageRequest(2, 1)))
                .willReturn(new Page<>(
                        List.of(new AuditEntry(
                                Instant.parse("2026-11-29T08:00:00Z"),
                                "api-key:admin",
                                "customer.erased",
                                "customer:5f6a",
                                Map.of("events", "12"))),
                        2,
                        1,
                        3));

        mvc.perform(get("/api/v1/admin/audit").param("page", "2").param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[0].action").value("customer.erased"))
                .andExpect(jsonPath("$.items[0].details.events").value("12"));
    }

    @Test
    void aNegativePageIsRefusedNamingIt() throws Exception {
        mvc.perform(get("/api/v1/admin/audit").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("page"));

        verifyNoInteractions(auditLog);
    }
}
