package dev.retention.domain.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Deciding locally from lots taken from the shared bucket: when a lot is taken, when the next one is taken ahead,
 * when held tokens expire, refusals without asking the bucket again, and, on random traffic through two instances,
 * never more than capacity + perSecond × t + one lot in any t seconds.
 */
class LimitRequestsTest {

    private static final long SECOND = 1_000_000_000L;

    /** Time as the test sets it. */
    private long now = 0;

    /** An exact token bucket on the test's clock, as the database keeps it; counts the calls. */
    private final class SharedBucket implements TokenBuckets {
        private double tokens = -1;
        private long drawnAt;
        private int calls;

        @Override
        public synchronized Reservation reserve(String credential, long wanted, long capacity, long perSecond) {
            calls++;
            double held = tokens < 0 ? capacity : Math.min(capacity, tokens + (now - drawnAt) * perSecond / 1e9);
            long granted = Math.min(wanted, (long) Math.floor(held));
            tokens = held - granted;
            drawnAt = now;
            return new Reservation(
                    granted,
                    granted > 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - held) / perSecond * 1e9)));
        }
    }

    /** Runs the background refills when the test says so. */
    private static final class Refills implements Executor {
        private final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    private final SharedBucket bucket = new SharedBucket();
    private final Refills refills = new Refills();

    private LimitRequests limit(long capacity, long perSecond) {
        return new LimitRequests(bucket, capacity, perSecond, refills, () -> now);
    }

    @Test
    void aLotIsATenthOfTheSmallerOfCapacityAndRateAndAtLeastOneToken() {
        assertThat(limit(200, 100).reservation()).isEqualTo(10);
        assertThat(limit(5, 1000).reservation()).isEqualTo(1);
        assertThat(limit(1_000_000_000, 1_000_000_000).reservation()).isEqualTo(100_000_000);
    }

    @Test
    void requestsUseTheHeldLotAndTheNextLotIsTakenInTheBackgroundWhenHalfIsUsed() {
        LimitRequests limits = limit(200, 100); // lots of 10, held for 0.1 s

        assertThat(limits.take("key").taken()).isTrue(); // takes a lot of 10, uses 1: 9 held
        for (int request = 0; request < 3; request++) {
            assertThat(limits.take("key").taken()).isTrue(); // 8, 7, 6 held
        }
        assertThat(bucket.calls).isEqualTo(1);
        assertThat(refills.queued).isEmpty();

        assertThat(limits.take("key").taken()).isTrue(); // 5 held: half used, the next lot is asked for
        assertThat(limits.take("key").taken()).isTrue(); // 4 held; the refill under way is not asked for twice
        assertThat(refills.queued).hasSize(1);

        refills.runAll(); // 14 held
        for (int request = 0; request < 8; request++) {
            limits.take("key");
        }
        assertThat(bucket.calls).isEqualTo(2);
    }

    @Test
    void aLotHalfWayToExpiringIsFollowedByOneRefillNotOnePerRequest() {
        LimitRequests limits = limit(200, 100); // lots of 10, held for 0.1 s
        limits.take("key");

        now += SECOND / 20; // half-way
        limits.take("key");
        assertThat(refills.queued).hasSize(1);
        refills.runAll();
        limits.take("key");
        limits.take("key");

        assertThat(refills.queued).as("the new lot is far from expiring").isEmpty();
        assertThat(bucket.calls).isEqualTo(2);
    }

    @Test
    void heldTokensExpireOnceTheBucketWouldHaveRefilledThem() {
        LimitRequests limits = limit(200, 100); // held for 10 / 100 s = 0.1 s
        limits.take("key");

        now += SECOND / 10;
        limits.take("key");

        assertThat(bucket.calls)
                .as("the first lot expired: a second one was taken")
                .isEqualTo(2);
    }

    @Test
    void anEmptyBucketIsNotAskedAgainUntilItHasATokenAndOtherCredentialsAreNotAffected() {
        LimitRequests limits = limit(20, 2); // lots of 2; the bucket refills a token every 0.5 s
        int taken = 0;
        for (int request = 0; request < 25; request++) {
            taken += limits.take("key").taken() ? 1 : 0;
            refills.runAll();
        }
        int callsWhenEmpty = bucket.calls;

        TokenBuckets.Take refused = limits.take("key");
        now += SECOND / 4;
        TokenBuckets.Take stillRefused = limits.take("key");

        assertThat(taken).isEqualTo(20);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(stillRefused.retryAfter()).isEqualTo(Duration.ofMillis(250));
        assertThat(bucket.calls).isEqualTo(callsWhenEmpty);

        now += SECOND / 4;
        assertThat(limits.take("key").taken()).isTrue();
        assertThat(bucket.calls).isEqualTo(callsWhenEmpty + 1);
    }

    private static final long CAPACITY = 50;
    private static final long PER_SECOND = 40;

    /**
     * Ten seconds of random requests for one credential through two instances on one bucket, 20 to 120 a second,
     * with pauses long enough to fill the bucket if asked for; background refills run at random moments. Returns when
     * each request that got through was served.
     */
    private List<Long> simulate(Random random, boolean pauses) {
        now = 0;
        SharedBucket shared = new SharedBucket();
        Refills background = new Refills();
        List<LimitRequests> instances = List.of(
                new LimitRequests(shared, CAPACITY, PER_SECOND, background, () -> now),
                new LimitRequests(shared, CAPACITY, PER_SECOND, background, () -> now));
        List<Long> served = new ArrayList<>();
        while (now < 10 * SECOND) {
            now += (long) (-Math.log(1 - random.nextDouble()) * SECOND / (20 + random.nextInt(100)));
            if (pauses && random.nextInt(50) == 0) {
                now += SECOND / 2 + random.nextLong(2 * SECOND);
            }
            if (instances.get(random.nextInt(2)).take("key").taken()) {
                served.add(now);
            }
            if (random.nextInt(4) == 0) {
                background.runAll();
            }
        }
        return served;
    }

    @Test
    void onRandomTrafficThroughTwoInstancesNoWindowServesMoreThanTheLimitAndOneLot() {
        long lot = limit(CAPACITY, PER_SECOND).reservation();
        Random random = new Random(20261130);
        for (int run = 0; run < 20; run++) {
            List<Long> served = simulate(random, true);
            for (int first = 0; first < served.size(); first++) {
                for (int last = first; last < served.size(); last++) {
                    double seconds = (served.get(last) - served.get(first)) / 1e9;
                    assertThat(last - first + 1)
                            .as("run %d: requests served from %d ns to %d ns", run, served.get(first), served.get(last))
                            .isLessThanOrEqualTo((int) Math.floor(CAPACITY + PER_SECOND * seconds + lot));
                }
            }
        }
    }

    @Test
    void underSteadyDemandAboveTheLimitTheLimitIsUsedNotOnlyKept() {
        Random random = new Random(20261201);
        for (int run = 0; run < 20; run++) {
            // 50 at once and 40 a second over 10 s: 450 at most; lots held idle cost a little of it
            assertThat(simulate(random, false).size()).as("run %d", run).isGreaterThanOrEqualTo(360);
        }
    }

    @Test
    void concurrentRequestsOfOneCredentialUseEveryTokenOnceWithoutALock() throws Exception {
        // time stands still: 10,000 tokens in the bucket, none comes back, lots of 1,000 never expire
        LimitRequests limits = new LimitRequests(bucket, 10_000, 10_000, ForkJoinPool.commonPool(), () -> now);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                counts.add(pool.submit(() -> {
                    int taken = 0;
                    for (int request = 0; request < 5_000; request++) {
                        taken += limits.take("key").taken() ? 1 : 0;
                    }
                    return taken;
                }));
            }
            int taken = 0;
            for (Future<Integer> count : counts) {
                taken += count.get();
            }
            // a lot a refill brought in after the last request is still held: use it up
            ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS);
            while (limits.take("key").taken()) {
                taken++;
            }

            assertThat(taken).isEqualTo(10_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
