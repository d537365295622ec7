package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.centraerp.connector.bench.RateLimitBound;
import org.centraerp.connector.sandbox.gateway.RateLimitTier;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' Growth-tier bound (RateLimitBound: Centra's token buckets, the hourly one refilled continuously)
 * and the client's own limiter (CentraRateLimiter.of with Growth's quotas) agree: the client sends a file's
 * mutations in the time the bound says, neither sooner (a 429 from Centra) nor much later.
 */
class RateLimiterMeetsTheBoundTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void growthMutationsPastTheHourlyQuotaTakeTheBoundsTime() throws Exception {
        assertTakesTheBound(2_119); // the catalogue benchmark's mutations: the 10 s window decides
        assertTakesTheBound(4_119); // one variant per call before: the hourly bucket decides
    }

    private void assertTakesTheBound(int mutations) throws InterruptedException {
        CentraRateLimiter limiter = CentraRateLimiter.of(new CentraProperties.RateLimit(0, 20, 0,
                Duration.ofMinutes(2), 0, 1_800, 0), clock);
        long start = clock.nanoTime();
        for (int i = 0; i < mutations; i++) {
            limiter.acquire(true, 0).release(0);
        }
        double took = (clock.nanoTime() - start) / 1e9;

        double bound = RateLimitBound.seconds(new RateLimitBound.Sent(mutations, mutations, 0), RateLimitTier.GROWTH);
        // the client is stricter by at most one 10 s window (it keeps "at most 20 in any 10 s")
        assertThat(took).as("%d mutations", mutations).isBetween(bound - 10, bound + 10);
    }
}
