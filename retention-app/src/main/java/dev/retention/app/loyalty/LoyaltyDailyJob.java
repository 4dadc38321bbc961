package dev.retention.app.loyalty;

import dev.retention.domain.loyalty.ExpirePoints;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires points and recomputes tiers every day (by default at 02:30 UTC). Every instance fires; the scheduler lock
 * lets one of them run each firing (and the run itself takes a database lock, so that runs started by hand never
 * overlap either).
 */
@Component
class LoyaltyDailyJob {

    private static final Logger log = LoggerFactory.getLogger(LoyaltyDailyJob.class);

    private final ExpirePoints expirePoints;

    LoyaltyDailyJob(ExpirePoints expirePoints) {
        this.expirePoints = expirePoints;
    }

    @Scheduled(cron = "${retention.loyalty.daily-cron:0 30 2 * * *}", zone = "UTC")
    @SchedulerLock(name = "loyalty-daily", lockAtLeastFor = "PT1M", lockAtMostFor = "PT2H")
    void run() {
        ExpirePoints.Run run = expirePoints.run();
        log.info(
                "Loyalty daily job: {} lots expired, {} tiers checked{}",
                run.lotsExpired(),
                run.accountsChecked(),
                run.skipped() ? " (another instance was running it)" : "");
    }
}
