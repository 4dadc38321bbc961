package dev.retention.domain.recommendation;

import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executor;

/** Queues builds of the recommendation model, runs them in the background, and reports on them. */
public class RequestRecommendationBuild {

    private final RecommendationStore store;
    private final RunRecommendationBuild run;
    private final Executor workers;
    private final Clock clock;

    public RequestRecommendationBuild(
            RecommendationStore store, RunRecommendationBuild run, Executor workers, Clock clock) {
        this.store = store;
        this.run = run;
        this.workers = workers;
        this.clock = clock;
    }

    public RecommendationBuild request(RecommendationSettings settings, boolean evaluate) {
        settings.check();
        RecommendationBuild build = new RecommendationBuild(
                UUID.randomUUID(),
                BuildStatus.QUEUED,
                settings,
                evaluate,
                null,
                null,
                null,
                Instants.now(clock),
                null,
                null);
        store.add(build);
        workers.execute(() -> run.run(build.id()));
        return build;
    }

    public RecommendationBuild get(UUID id) {
        return store.find(id).orElseThrow(() -> new ResourceNotFoundException("Recommendation model", id));
    }

    public Page<RecommendationBuild> list(PageRequest page) {
        return store.list(page);
    }
}
