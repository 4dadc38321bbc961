package dev.retention.app.recommendation;

import dev.retention.domain.recommendation.RecommendationSettings;
import dev.retention.domain.recommendation.RequestRecommendationBuild;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the recommendation model on a schedule (by default nightly, {@code retention.recommendations.rebuild-cron};
 * "-" turns it off), on one instance per firing, so that new products appear once they have support.
 */
@Component
class ScheduledRecommendationBuild {

    private final RequestRecommendationBuild builds;

    ScheduledRecommendationBuild(RequestRecommendationBuild builds) {
        this.builds = builds;
    }

    @Scheduled(cron = "${retention.recommendations.rebuild-cron}", zone = "UTC")
    @SchedulerLock(name = "recommendation-build", lockAtLeastFor = "PT1M", lockAtMostFor = "PT1H")
    void rebuild() {
        builds.request(RecommendationSettings.DEFAULTS, false);
    }
}
