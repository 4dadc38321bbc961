package dev.retention.api.loyalty;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.loyalty.LoyaltyAccount;
import dev.retention.domain.loyalty.ManageAccounts;
import dev.retention.domain.loyalty.RedeemReward;
import dev.retention.domain.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/loyalty/accounts/{customerId}")
@Tag(name = "Loyalty")
class LoyaltyAccountController {

    private final ManageAccounts manageAccounts;
    private final RedeemReward redeemReward;
    private final LoyaltyApiMapper mapper;

    LoyaltyAccountController(ManageAccounts manageAccounts, RedeemReward redeemReward, LoyaltyApiMapper mapper) {
        this.manageAccounts = manageAccounts;
        this.redeemReward = redeemReward;
        this.mapper = mapper;
    }

    @PostMapping
    @Operation(
            operationId = "enrolMember",
            summary = "Enrol a customer",
            description = "Opens the customer's account in the entry tier: 201 when new, 200 when it had one.")
    @ApiResponse(responseCode = "201", description = "Enrolled.")
    @ApiResponse(responseCode = "200", description = "Already a member.")
    @ApiResponse(responseCode = "404", description = "No customer has this id.")
    @ApiResponse(responseCode = "422", description = "No version of the programme is in force yet.")
    ResponseEntity<AccountResponse> enrol(
            @Parameter(description = "The customer's id.") @PathVariable UUID customerId) {
        ManageAccounts.Enrolment enrolment = manageAccounts.enrol(CustomerId.of(customerId));
        return ResponseEntity.status(enrolment.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(response(enrolment.account()));
    }

    @GetMapping
    @Operation(
            operationId = "getLoyaltyAccount",
            summary = "A member's account",
            description = "Balance, lifetime points, tier and the points that expire within 30 days."
                    + LoyaltyProgrammeController.RULES)
    @ApiResponse(responseCode = "200", description = "The account.")
    @ApiResponse(responseCode = "404", description = "The customer is not a member.")
    AccountResponse account(@Parameter(description = "The customer's id.") @PathVariable UUID customerId) {
        return response(manageAccounts.statement(CustomerId.of(customerId)));
    }

    @GetMapping("/transactions")
    @Operation(
            operationId = "listLoyaltyTransactions",
            summary = "A member's ledger",
            description = "Every change of the balance, newest first, paged; the balance is the sum of all entries.")
    @ApiResponse(responseCode = "200", description = "One page.")
    @ApiResponse(responseCode = "404", description = "The customer is not a member.")
    PageResponse<LedgerEntryResponse> transactions(
            @Parameter(description = "The customer's id.") @PathVariable UUID customerId,
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(
                manageAccounts.ledger(CustomerId.of(customerId), Paging.of(page, size)), mapper::toResponse);
    }

    @PostMapping("/adjustments")
    @Operation(
            operationId = "adjustLoyaltyPoints",
            summary = "Add or take points by hand",
            description = "Positive points are added as a new lot that expires like earned points; negative points "
                    + "are taken from the lots that expire first. The reason is kept in the ledger.")
    @ApiResponse(responseCode = "200", description = "The account after the adjustment.")
    @ApiResponse(responseCode = "400", description = "points is 0 or missing, or reason is missing.")
    @ApiResponse(responseCode = "404", description = "The customer is not a member.")
    @ApiResponse(responseCode = "409", description = "The balance does not cover the deduction.")
    AccountResponse adjust(
            @Parameter(description = "The customer's id.") @PathVariable UUID customerId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The adjustment.") @RequestBody
                    AdjustmentRequest request) {
        if (request.points() == null) {
            throw InvalidInputException.of("points", "is required");
        }
        return response(manageAccounts.adjust(CustomerId.of(customerId), request.points(), request.reason()));
    }

    @PostMapping("/redemptions")
    @Operation(
            operationId = "redeemReward",
            summary = "Redeem a reward",
            description = "All or nothing: checks the balance, the reward's window, the member's tier and the stock, "
                    + "then takes the points (from the lots that expire first) and one item of stock. The same "
                    + "idempotencyKey again returns the first redemption with 200 and changes nothing.")
    @ApiResponse(responseCode = "201", description = "Redeemed.")
    @ApiResponse(responseCode = "200", description = "Redeemed before under this key.")
    @ApiResponse(responseCode = "400", description = "rewardId or idempotencyKey missing.")
    @ApiResponse(responseCode = "404", description = "The customer is not a member, or no such reward.")
    @ApiResponse(
            responseCode = "409",
            description = "insufficient-points, out-of-stock, or the key was used for "
                    + "another reward (idempotency-key-reused); type says which.")
    @ApiResponse(responseCode = "422", description = "reward-not-active or tier-too-low; type says which.")
    ResponseEntity<RedemptionResponse> redeem(
            @Parameter(description = "The customer's id.") @PathVariable UUID customerId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The reward and the client's key.")
                    @RequestBody
                    RedemptionRequest request) {
        RedeemReward.Outcome outcome =
                redeemReward.redeem(CustomerId.of(customerId), request.rewardId(), request.idempotencyKey());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(mapper.toResponse(outcome.redemption(), outcome.account().balance()));
    }

    private AccountResponse response(LoyaltyAccount account) {
        return response(manageAccounts.statement(account));
    }

    private AccountResponse response(ManageAccounts.Statement statement) {
        return mapper.toResponse(statement.account(), statement.pointsExpiringSoon());
    }
}
