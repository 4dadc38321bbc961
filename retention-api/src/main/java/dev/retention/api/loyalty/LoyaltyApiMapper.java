package dev.retention.api.loyalty;

import dev.retention.domain.loyalty.LedgerEntry;
import dev.retention.domain.loyalty.LoyaltyAccount;
import dev.retention.domain.loyalty.ProgrammeVersion;
import dev.retention.domain.loyalty.Redemption;
import dev.retention.domain.loyalty.Reward;
import dev.retention.domain.loyalty.Tier;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface LoyaltyApiMapper {

    ProgrammeResponse.VersionResponse toResponse(ProgrammeVersion version);

    ProgrammeResponse.TierResponse toResponse(Tier tier);

    AccountResponse toResponse(LoyaltyAccount account, long pointsExpiringIn30Days);

    LedgerEntryResponse toResponse(LedgerEntry entry);

    RewardResponse toResponse(Reward reward);

    @Mapping(target = "id", source = "redemption.id")
    @Mapping(target = "customerId", source = "redemption.customerId")
    @Mapping(target = "points", source = "redemption.points")
    RedemptionResponse toResponse(Redemption redemption, long balance);
}
