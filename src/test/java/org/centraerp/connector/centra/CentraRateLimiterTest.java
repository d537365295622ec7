package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CentraRateLimiterTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final FakeClock clock = new FakeClock();

    /** Times (fake clock) at which each of {@code count} answered-at-once requests was admitted. */
    private List<Long> admit(CentraRateLimiter limiter, int count, boolean mutation, long complexity)
            throws InterruptedException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CentraRateLimiter.Permit permit = limiter.acquire(mutation, complexity);
            times.add(clock.nanoTime());
            permit.release(complexity);
        }
        return times;
    }

    private static void assertAtMostPerWindow(List<Long> times, int limit, Duration window) {
        for (int i = 0; i + limit < times.size(); i++) {
            assertThat(times.get(i + limit) - times.get(i))
                    .as("request %d and %d are %d apart", i, i + limit, limit)
                    .isGreaterThanOrEqualTo(window.toNanos());
        }
    }

    @Test
    void aBurstIsHeldToTheRequestLimitPerWindowAndRunsCloseToIt() throws Exception {
        CentraRateLimiter limiter = new CentraRateLimiter(60, 20, 0, TEN_SECONDS, clock);

        List<Long> times = admit(limiter, 150, false, 0);

        assertAtMostPerWindow(times, 60, TEN_SECONDS);
        assertThat(times.subList(0, 60)).allMatch(t -> t == 0L);
        // 150 requests at 60 per 10 s need two more windows, and should not need much more.
        assertThat(Duration.ofNanos(times.get(149))).isBetween(Duration.ofSeconds(20), Duration.ofMillis(20_200));
    }

    @Test
    void mutationsHaveTheirOwnSmallerLimitWhileQueriesGoOn() throws Exception {
        CentraRateLimiter limiter = new CentraRateLimiter(60, 5, 0, TEN_SECONDS, clock);

        List<Long> mutations = admit(limiter, 12, true, 0);
        long afterMutations = clock.nanoTime();
        admit(limiter, 10, false, 0);

        assertAtMostPerWindow(mutations, 5, TEN_SECONDS);
        assertThat(Duration.ofNanos(afterMutations)).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(clock.nanoTime()).as("queries did not wait for the mutation limit").isEqualTo(afterMutations);
    }

    @Test
    void complexityFromAnswersBlocksFollowingCallsUntilTheWindowHasRoom() throws Exception {
        CentraRateLimiter limiter = new CentraRateLimiter(0, 0, 250_000, TEN_SECONDS, clock);

        List<Long> times = admit(limiter, 6, false, 100_000);

        // two 100k answers fit in 250k; the third waits for the first to leave the window
        assertAtMostPerWindow(times, 2, TEN_SECONDS);
        assertThat(times.get(1)).isZero();
        assertThat(Duration.ofNanos(times.get(2))).isGreaterThanOrEqualTo(TEN_SECONDS);
    }

    @Test
    void unknownComplexityIsDebitedWhenTheAnswerArrives() throws Exception {
        CentraRateLimiter limiter = new CentraRateLimiter(0, 0, 250_000, TEN_SECONDS, clock);

        limiter.acquire(false, 0).release(300_000);
        limiter.acquire(false, 0).release(10);

        assertThat(Duration.ofNanos(clock.nanoTime())).isGreaterThanOrEqualTo(TEN_SECONDS);
    }

    @Test
    void aRequestInFlightKeepsItsSlotUntilAnsweredAndThenForAWholeWindow() throws Exception {
        CentraRateLimiter limiter = new CentraRateLimiter(1, 0, 0, TEN_SECONDS, clock);
        CentraRateLimiter.Permit slow = limiter.acquire(false, 0);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Long> next = CompletableFuture.supplyAsync(() -> {
                try {
                    limiter.acquire(false, 0).release(0);
                    return clock.nanoTime();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, thread);
            await().until(() -> clock.elapsed().compareTo(Duration.ofMinutes(1)) > 0);
            assertThat(next).isNotDone();

            // Read before the release: the waiting thread's sleeps move the fake clock on as soon as it is released.
            long answeredAt = clock.nanoTime();
            slow.release(0);

            await().until(next::isDone);
            assertThat(next.get() - answeredAt).isGreaterThanOrEqualTo(TEN_SECONDS.toNanos());
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aPauseFromA429HoldsEveryoneUntilItEnds() throws Exception {
        CentraRateLimiter limiter = new CentraRateLimiter(0, 0, 0, TEN_SECONDS, clock);

        limiter.pauseUntil(clock.nanoTime() + Duration.ofSeconds(3).toNanos());
        limiter.acquire(false, 0).release(0);

        assertThat(clock.elapsed()).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3_100));
    }

    @Test
    void concurrentCallersTogetherStayUnderTheLimit() throws Exception {
        Duration window = Duration.ofMillis(200);
        CentraRateLimiter limiter = new CentraRateLimiter(10, 0, 0, window, CentraClock.SYSTEM);
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(CompletableFuture.runAsync(() -> {
                    try {
                        CentraRateLimiter.Permit permit = limiter.acquire(false, 0);
                        times.add(System.nanoTime());
                        permit.release(0);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, callers));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
        } finally {
            callers.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);

        assertThat(sorted).hasSize(40);
        assertAtMostPerWindow(sorted, 10, window);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
    }

    private static final Duration ONE_HOUR = Duration.ofHours(1);

    /** Growth: 20 mutations per 10 s, 1,800 per hour. */
    private CentraRateLimiter growthMutations() {
        return new CentraRateLimiter(List.of(
                new CentraRateLimiter.Window(TEN_SECONDS, 0, 20, 0),
                new CentraRateLimiter.Window(ONE_HOUR, 0, 1_800, 0)), clock);
    }

    @Test
    void theHourlyQuotaHoldsMutationsOnceSpentEvenWithRoomInTheTenSecondWindow() throws Exception {
        CentraRateLimiter limiter = growthMutations();

        List<Long> times = admit(limiter, 1_820, true, 0);

        // 1,800 at 20 per 10 s take 890 s; the 1,801st must wait until the first one's hour is over
        assertThat(Duration.ofNanos(times.get(1_799))).isBetween(Duration.ofSeconds(890), Duration.ofSeconds(900));
        assertThat(Duration.ofNanos(times.get(1_800))).isGreaterThanOrEqualTo(ONE_HOUR);
        assertAtMostPerWindow(times, 1_800, ONE_HOUR);
        assertAtMostPerWindow(times, 20, TEN_SECONDS);
    }

    @Test
    void theHourlyBucketRefillsContinuouslyAsCentrasTokenBucketDoes() throws Exception {
        // Growth as CentraRateLimiter.of keeps it: the hourly bucket refills half a mutation a second all along
        CentraRateLimiter limiter = new CentraRateLimiter(List.of(
                new CentraRateLimiter.Window(TEN_SECONDS, 0, 20, 0),
                new CentraRateLimiter.Window(ONE_HOUR, 0, 1_800, 0, true)), clock);

        List<Long> times = admit(limiter, 2_500, true, 0);

        // 2 per second into a bucket of 1,800 refilled 0.5 per second: empty after 1,200 s and 2,400 mutations,
        // then 0.5 per second: the 2,500th about 200 s later (an "any hour" window would hold it past 3,600 s)
        assertThat(Duration.ofNanos(times.get(2_399))).isBetween(Duration.ofSeconds(1_150), Duration.ofSeconds(1_250));
        assertThat(Duration.ofNanos(times.get(2_499))).isBetween(Duration.ofSeconds(1_350), Duration.ofSeconds(1_450));
        for (int i = 0; i < times.size(); i++) {
            double refilled = times.get(i) / 1e9 * 1_800 / 3_600;
            assertThat(i + 1.0).as("mutation %d never overdraws the bucket", i).isLessThanOrEqualTo(1_800 + refilled);
        }
        assertAtMostPerWindow(times, 20, TEN_SECONDS);
    }

    @Test
    void queriesAreNotHeldByASpentHourlyMutationQuota() throws Exception {
        CentraRateLimiter limiter = new CentraRateLimiter(List.of(
                new CentraRateLimiter.Window(TEN_SECONDS, 0, 0, 0),
                new CentraRateLimiter.Window(ONE_HOUR, 0, 10, 0)), clock);
        admit(limiter, 10, true, 0);
        long spent = clock.nanoTime();

        admit(limiter, 50, false, 0);

        assertThat(clock.nanoTime()).isEqualTo(spent);
    }

    @Test
    void timeToAdmitIsTheHourlyQuotaWhenThatIsWhatLimits() throws Exception {
        CentraRateLimiter limiter = growthMutations();

        // empty windows: 4,000 mutations at 1,800 per hour need 2,200 past the first hour's room
        Duration plan = limiter.timeToAdmit(4_000, 4_000, 0);
        assertThat(plan.toSeconds()).isEqualTo(Math.round(2_200 / 1_800.0 * 3_600));

        admit(limiter, 1_000, true, 0);
        // 800 left this hour: 3,200 more go at the hourly rate; the 10 s window alone would say 1,590 s
        Duration later = limiter.timeToAdmit(4_000, 4_000, 0);
        assertThat(later.toSeconds()).isEqualTo(Math.round(3_200 / 1_800.0 * 3_600));
        // a small remainder is limited by the 10 s window only
        assertThat(limiter.timeToAdmit(100, 100, 0)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void admittedCountsRequestsAndMutations() throws Exception {
        CentraRateLimiter limiter = new CentraRateLimiter(0, 0, 0, TEN_SECONDS, clock);

        admit(limiter, 3, true, 0);
        admit(limiter, 4, false, 0);

        assertThat(limiter.admitted()).isEqualTo(new CentraRateLimiter.Totals(7, 3, 0));
    }

    @Test
    void ofKeepsBothWindowsAndSwitchesAnHourlyBucketOffWithItsTenSecondOne() {
        CentraRateLimiter limiter = CentraRateLimiter.of(
                new CentraProperties.RateLimit(60, 0, 250_000, Duration.ofMinutes(2), 5_000, 1_800, 30_000_000),
                clock);

        assertThat(limiter.windows()).containsExactly(
                new CentraRateLimiter.Window(TEN_SECONDS, 60, 0, 250_000),
                new CentraRateLimiter.Window(ONE_HOUR, 5_000, 0, 30_000_000, true));
    }
}
