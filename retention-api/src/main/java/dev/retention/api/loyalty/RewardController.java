package dev.retention.api.loyalty;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.loyalty.ManageRewards;
import dev.retention.domain.loyalty.ManageRewards.RewardDraft;
import dev.retention.domain.loyalty.Reward;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/loyalty/rewards")
@Tag(name = "Loyalty")
class RewardController {

    private final ManageRewards rewards;
    private final LoyaltyApiMapper mapper;

    RewardController(ManageRewards rewards, LoyaltyApiMapper mapper) {
        this.rewards = rewards;
        this.mapper = mapper;
    }

    @ResponseHeaders(location = true)
    @PostMapping
    @Operation(operationId = "createReward", summary = "Add a reward to the catalogue")
    @ApiResponse(responseCode = "201", description = "Added, with its Location.")
    @ApiResponse(responseCode = "400", description = "Invalid fields; errors names each one.")
    ResponseEntity<RewardResponse> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The reward.") @RequestBody
                    RewardRequest request) {
        Reward reward = rewards.add(draft(request));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(reward.id())
                .toUri();
        return ResponseEntity.created(location).body(mapper.toResponse(reward));
    }

    @GetMapping
    @Operation(
            operationId = "listRewards",
            summary = "List the catalogue",
            description = "Rewards in the order they were added, paged; archived ones only when asked for.")
    @ApiResponse(responseCode = "200", description = "One page.")
    PageResponse<RewardResponse> list(
            @Parameter(description = "Include archived rewards.") @RequestParam(defaultValue = "false")
                    boolean includeArchived,
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(rewards.list(includeArchived, Paging.of(page, size)), mapper::toResponse);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getReward", summary = "Get one reward")
    @ApiResponse(responseCode = "200", description = "The reward.")
    @ApiResponse(responseCode = "404", description = "No reward has this id.")
    RewardResponse get(@Parameter(description = "The reward's id.") @PathVariable UUID id) {
        return mapper.toResponse(rewards.find(id));
    }

    @PutMapping("/{id}")
    @Operation(
            operationId = "replaceReward",
            summary = "Change a reward",
            description = "Replaces every field; earlier redemptions keep the cost they were redeemed at.")
    @ApiResponse(responseCode = "200", description = "The changed reward.")
    @ApiResponse(responseCode = "400", description = "Invalid fields; errors names each one.")
    @ApiResponse(responseCode = "404", description = "No reward has this id.")
    RewardResponse replace(
            @Parameter(description = "The reward's id.") @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The reward.") @RequestBody
                    RewardRequest request) {
        return mapper.toResponse(rewards.replace(id, draft(request)));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "archiveReward",
            summary = "Archive a reward",
            description = "The reward stays for the record of its redemptions but can no longer be redeemed.")
    @ApiResponse(responseCode = "204", description = "Archived.")
    @ApiResponse(responseCode = "404", description = "No reward has this id.")
    ResponseEntity<Void> archive(@Parameter(description = "The reward's id.") @PathVariable UUID id) {
        rewards.archive(id);
        return ResponseEntity.noContent().build();
    }

    private static RewardDraft draft(RewardRequest request) {
        return new RewardDraft(
                request.name(),
                request.description(),
                request.costPoints(),
                request.stock(),
                request.activeFrom(),
                request.activeUntil(),
                request.minimumTier());
    }
}
