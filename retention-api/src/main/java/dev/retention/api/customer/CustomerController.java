package dev.retention.api.customer;

import dev.retention.api.security.CurrentActor;
import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.customer.ChangeCustomer;
import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.CustomerQuery;
import dev.retention.domain.customer.CustomerRules;
import dev.retention.domain.customer.EraseCustomer;
import dev.retention.domain.customer.FindCustomers;
import dev.retention.domain.customer.RegisterCustomer;
import dev.retention.domain.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customers as the CRM knows them.")
class CustomerController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final FindCustomers findCustomers;
    private final RegisterCustomer registerCustomer;
    private final ChangeCustomer changeCustomer;
    private final EraseCustomer eraseCustomer;
    private final CustomerApiMapper mapper;

    CustomerController(
            FindCustomers findCustomers,
            RegisterCustomer registerCustomer,
            ChangeCustomer changeCustomer,
            EraseCustomer eraseCustomer,
            CustomerApiMapper mapper) {
        this.findCustomers = findCustomers;
        this.registerCustomer = registerCustomer;
        this.changeCustomer = changeCustomer;
        this.eraseCustomer = eraseCustomer;
        this.mapper = mapper;
    }

    @ResponseHeaders(location = true, versionTag = true)
    @PostMapping
    @Operation(
            operationId = "createCustomer",
            summary = "Register a customer",
            description = "Registers a customer under the CRM's externalId, which must be unique. Returns 201 with "
                    + "the customer and its Location.")
    @ApiResponse(responseCode = "201", description = "Registered.")
    @ApiResponse(responseCode = "400", description = "Invalid fields; errors names each one.")
    @ApiResponse(responseCode = "409", description = "The externalId is taken.")
    ResponseEntity<CustomerResponse> create(@Valid @RequestBody CreateCustomerRequest request) {
        Customer customer = registerCustomer.register(mapper.toNewCustomer(request));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(customer.id().value())
                .toUri();
        return ResponseEntity.created(location).eTag(etag(customer)).body(mapper.toResponse(customer));
    }

    @ResponseHeaders(versionTag = true)
    @GetMapping("/{id}")
    @Operation(
            operationId = "getCustomer",
            summary = "Get one customer",
            description = "Returns the customer with its version as ETag.")
    @ApiResponse(responseCode = "200", description = "The customer.")
    @ApiResponse(responseCode = "404", description = "No customer has this id.")
    ResponseEntity<CustomerResponse> get(@Parameter(description = "The customer's id.") @PathVariable UUID id) {
        Customer customer = findCustomers.byId(CustomerId.of(id));
        return ResponseEntity.ok().eTag(etag(customer)).body(mapper.toResponse(customer));
    }

    @GetMapping
    @Operation(
            operationId = "listCustomers",
            summary = "List customers",
            description = "Pages through customers ordered by registration time, then id (a stable order). Filters "
                    + "combine with AND; externalId finds the one customer the CRM knows by that id.")
    @ApiResponse(responseCode = "200", description = "One page; items is empty when nothing matches.")
    PageResponse<CustomerResponse> list(
            @Parameter(description = "Only the customer with this CRM id.") @RequestParam(required = false)
                    String externalId,
            @Parameter(description = "Only customers of this segment.") @RequestParam(required = false) String segment,
            @Parameter(description = "Only customers acquired at or after this instant (UTC).")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant acquiredFrom,
            @Parameter(description = "Only customers acquired before this instant (UTC).")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant acquiredTo,
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        CustomerQuery query = new CustomerQuery(externalId, segment, acquiredFrom, acquiredTo);
        return PageResponse.of(findCustomers.matching(query, Paging.of(page, size)), mapper::toResponse);
    }

    @ResponseHeaders(versionTag = true)
    @PatchMapping(
            path = "/{id}",
            consumes = {MERGE_PATCH, "application/json"})
    @Operation(
            operationId = "updateCustomer",
            summary = "Change a customer's details",
            description = "A JSON merge patch (RFC 7396) of name, email, segment and attributes: an absent field "
                    + "stays, null clears it; attributes merge key by key (null removes a key). Send If-Match with "
                    + "the ETag to refuse the change when someone else changed the customer first (412).")
    @ApiResponse(responseCode = "200", description = "The changed customer.")
    @ApiResponse(responseCode = "400", description = "Invalid or non-patchable fields.")
    @ApiResponse(responseCode = "404", description = "No customer has this id.")
    @ApiResponse(responseCode = "409", description = "The customer is erased and takes no changes.")
    @ApiResponse(
            responseCode = "412",
            description =
                    "If-Match names a version other than the current one: someone " + "changed the customer first.")
    ResponseEntity<CustomerResponse> patch(
            @Parameter(description = "The customer's id.") @PathVariable UUID id,
            @Parameter(description = "The ETag of the version the change is based on.")
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The merge patch.",
                            content =
                                    @Content(
                                            mediaType = MERGE_PATCH,
                                            schema = @Schema(implementation = CustomerPatchSchema.class)))
                    @RequestBody
                    JsonNode patch) {
        Customer changed =
                changeCustomer.change(CustomerId.of(id), CustomerMergePatch.read(patch, expectedVersion(ifMatch)));
        return ResponseEntity.ok().eTag(etag(changed)).body(mapper.toResponse(changed));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "eraseCustomer",
            summary = "Erase a customer's personal data",
            description = "Erasure on request: name, email and attributes are wiped and the customer is marked "
                    + "erased. Events stay, so historic metrics do not change; the customer takes no new events. "
                    + "Erasing again is harmless.")
    @ApiResponse(responseCode = "204", description = "Erased.")
    @ApiResponse(responseCode = "404", description = "No customer has this id.")
    ResponseEntity<Void> erase(@Parameter(description = "The customer's id.") @PathVariable UUID id) {
        eraseCustomer.erase(CustomerId.of(id), CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    private static String etag(Customer customer) {
        return "\"" + customer.version() + "\"";
    }

    private static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return Optional.empty();
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("If-Match", "must be an ETag returned by this service, such as \"3\"");
        }
    }

    @Schema(name = "CustomerPatch", description = "Fields to change; absent fields stay, null clears.")
    record CustomerPatchSchema(
            @Schema(
                    description = "Full name; absent keeps it, null clears it.",
                    nullable = true,
                    maxLength = CustomerRules.MAX_NAME_LENGTH)
            String name,

            @Schema(
                    description = "E-mail address; absent keeps it, null clears it.",
                    nullable = true,
                    format = "email",
                    maxLength = CustomerRules.MAX_EMAIL_LENGTH)
            String email,

            @Schema(
                    description = "Segment; absent keeps it, null clears it.",
                    nullable = true,
                    maxLength = CustomerRules.MAX_SEGMENT_LENGTH)
            String segment,

            @Schema(
                    description = "Attributes to set, key by key; a null value removes that key; null removes all.",
                    nullable = true)
            java.util.Map<String, String> attributes) {}
}
