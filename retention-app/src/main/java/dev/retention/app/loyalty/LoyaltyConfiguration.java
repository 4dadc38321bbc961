package dev.retention.app.loyalty;

import dev.retention.domain.customer.Customers;
import dev.retention.domain.loyalty.ChangeProgramme;
import dev.retention.domain.loyalty.EarnPoints;
import dev.retention.domain.loyalty.ExpirePoints;
import dev.retention.domain.loyalty.LoyaltyFigures;
import dev.retention.domain.loyalty.LoyaltyStore;
import dev.retention.domain.loyalty.ManageAccounts;
import dev.retention.domain.loyalty.ManageRewards;
import dev.retention.domain.loyalty.RedeemReward;
import dev.retention.domain.loyalty.Rewards;
import dev.retention.domain.loyalty.SummariseLoyalty;
import dev.retention.domain.shared.UnitOfWork;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the loyalty programme's use cases; {@link EarnPoints} listens to every batch of recorded events. */
@Configuration(proxyBeanMethods = false)
class LoyaltyConfiguration {

    @Bean
    EarnPoints earnPoints(LoyaltyStore store, Clock clock) {
        return new EarnPoints(store, clock);
    }

    @Bean
    ChangeProgramme changeProgramme(LoyaltyStore store, UnitOfWork unitOfWork, Clock clock) {
        return new ChangeProgramme(store, unitOfWork, clock);
    }

    @Bean
    ManageAccounts manageAccounts(LoyaltyStore store, Customers customers, UnitOfWork unitOfWork, Clock clock) {
        return new ManageAccounts(store, customers, unitOfWork, clock);
    }

    @Bean
    RedeemReward redeemReward(LoyaltyStore store, Rewards rewards, UnitOfWork unitOfWork, Clock clock) {
        return new RedeemReward(store, rewards, unitOfWork, clock);
    }

    @Bean
    ManageRewards manageRewards(Rewards rewards, Clock clock) {
        return new ManageRewards(rewards, clock);
    }

    @Bean
    ExpirePoints expirePoints(LoyaltyStore store, UnitOfWork unitOfWork, Clock clock) {
        return new ExpirePoints(store, unitOfWork, clock);
    }

    @Bean
    SummariseLoyalty summariseLoyalty(LoyaltyStore store, LoyaltyFigures figures) {
        return new SummariseLoyalty(store, figures);
    }
}
