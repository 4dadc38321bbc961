package dev.retention.api.customer;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.customer.ChangeCustomer;
import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerChanges;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.EraseCustomer;
import dev.retention.domain.customer.FindCustomers;
import dev.retention.domain.customer.NewCustomer;
import dev.retention.domain.customer.RegisterCustomer;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The customer endpoints as the web sees them: binding, validation, mapping, versions and error answers. */
@WebSliceTest
@Import({CustomerController.class, CustomerApiMapperImpl.class})
class CustomerControllerTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:30:00Z");
    private static final CustomerId ID = CustomerId.of(UUID.fromString("0c4e6c38-7f4b-4c6e-9a57-0b1f0c9d2a11"));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private FindCustomers findCustomers;

    @MockitoBean
    private RegisterCustomer registerCustomer;

    @MockitoBean
    private ChangeCustomer changeCustomer;

    @MockitoBean
    private EraseCustomer eraseCustomer;

    private static Customer ada(long version) {
        Customer registered = Customer.register(
                ID,
                new NewCustomer("crm-1", "Ada Lovelace", "ada@example.com", "retail", null, Map.of("country", "DE")),
                CREATED);
        return new Customer(
                registered.id(),
                registered.externalId(),
                registered.name(),
                registered.email(),
                registered.segment(),
                registered.acquiredAt(),
                registered.attributes(),
                registered.createdAt(),
                registered.updatedAt(),
                null,
                version);
    }

    @Test
    void registeringAnswers201WithTheCustomerItsLocationAndItsVersion() throws Exception {
        given(registerCustomer.register(any())).willReturn(ada(0));

        mvc.perform(post("/api/v1/customers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"externalId\":\"crm-1\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\","
                                + "\"segment\":\"retail\",\"attributes\":{\"country\":\"DE\"}}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/v1/customers/" + ID.value()))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value(ID.value().toString()))
                .andExpect(jsonPath("$.externalId").value("crm-1"))
                .andExpect(jsonPath("$.email").value("ada@example.com"))
                .andExpect(jsonPath("$.attributes.country").value("DE"))
                .andExpect(jsonPath("$.createdAt").value("2026-03-01T09:30:00Z"));

        ArgumentCaptor<NewCustomer> registered = ArgumentCaptor.forClass(NewCustomer.class);
        verify(registerCustomer).register(registered.capture());
        org.assertj.core.api.Assertions.assertThat(registered.getValue())
                .isEqualTo(new NewCustomer(
                        "crm-1", "Ada Lovelace", "ada@example.com", "retail", null, Map.of("country", "DE")));
    }

    @Test
    void aBlankExternalIdIsRefusedWithTheFieldNamedAndNothingRegistered() throws Exception {
        mvc.perform(post("/api/v1/customers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"externalId\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("externalId"));

        verifyNoInteractions(registerCustomer);
    }

    @Test
    void malformedJsonIsABadRequestInProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/customers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"externalId\": "))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "malformed-request"))
                .andExpect(content().string(not(containsString("jackson"))));

        verifyNoInteractions(registerCustomer);
    }

    @Test
    void anUnknownCustomerIsNotFound() throws Exception {
        given(findCustomers.byId(ID)).willThrow(new ResourceNotFoundException("Customer", ID));

        mvc.perform(get("/api/v1/customers/{id}", ID.value()))
                .andExpect(status().isNotFound())
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.title").value("Customer not found"));
    }

    @Test
    void aMalformedIdIsABadRequestNamingIt() throws Exception {
        mvc.perform(get("/api/v1/customers/{id}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("id"));

        verifyNoInteractions(findCustomers);
    }

    @Test
    void aPageSizeAbove500IsRefusedBeforeAnyLookup() throws Exception {
        mvc.perform(get("/api/v1/customers").param("size", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("size"));

        verifyNoInteractions(findCustomers);
    }

    @Test
    void aMergePatchPassesTheVersionFromIfMatchAndAnswersTheNewVersion() throws Exception {
        given(changeCustomer.change(eq(ID), any(CustomerChanges.class))).willReturn(ada(4));

        mvc.perform(patch("/api/v1/customers/{id}", ID.value())
                        .contentType("application/merge-patch+json")
                        .header("If-Match", "\"3\"")
                        .content("{\"segment\":\"retail\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""));

        ArgumentCaptor<CustomerChanges> changes = ArgumentCaptor.forClass(CustomerChanges.class);
        verify(changeCustomer).change(eq(ID), changes.capture());
        org.assertj.core.api.Assertions.assertThat(changes.getValue().expectedVersion())
                .contains(3L);
    }

    @Test
    void anIfMatchThatIsNoVersionOfOursIsRefused() throws Exception {
        mvc.perform(patch("/api/v1/customers/{id}", ID.value())
                        .contentType("application/merge-patch+json")
                        .header("If-Match", "\"yesterday\"")
                        .content("{\"segment\":\"retail\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("If-Match"));

        verifyNoInteractions(changeCustomer);
    }
}
