package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaForecastTest {

    private final FakeClock clock = new FakeClock();
    /** Growth's mutation quotas: 20 per 10 s, 1,800 per hour. */
    private final CentraRateLimiter limiter = new CentraRateLimiter(List.of(
            new CentraRateLimiter.Window(Duration.ofSeconds(10), 0, 20, 0),
            new CentraRateLimiter.Window(Duration.ofHours(1), 0, 1_800, 0)), clock);

    private void mutations(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            limiter.acquire(true, 0).release(0);
        }
    }

    @Test
    void aGrowthImportThatWillSpendItsHourlyQuotaSaysSoLongAhead() throws Exception {
        QuotaForecast forecast = new QuotaForecast(limiter, clock);
        mutations(400); // 4 mutations per product, 100 of 1,000 products done: 3,600 more to come

        QuotaForecast.Forecast now = forecast.forecast(100, 1_000);

        // 1,400 fit in this hour's room; 2,200 more at 1,800 per hour
        assertThat(now.atQuota().toSeconds()).isEqualTo(Math.round(2_200 / 1_800.0 * 3_600));
        assertThat(now.atPace()).isLessThan(now.atQuota());
        assertThat(now.finish()).isEqualTo(clock.now().plus(now.atQuota()));
        assertThat(now.text()).contains("1h13m").contains("UTC");
    }

    @Test
    void whenTheQuotaIsNoObstacleThePaceDecides() throws Exception {
        QuotaForecast forecast = new QuotaForecast(limiter, clock);
        mutations(10);
        clock.sleep(Duration.ofSeconds(100)); // a slow ERP side: 10 units in 100 s

        QuotaForecast.Forecast now = forecast.forecast(10, 20);

        assertThat(now.atQuota()).isEqualTo(Duration.ZERO);
        assertThat(now.atPace()).isEqualTo(Duration.ofSeconds(100));
        assertThat(now.finish()).isEqualTo(clock.now().plusSeconds(100));
    }

    @Test
    void nothingDoneYetForecastsNothing() {
        QuotaForecast.Forecast now = new QuotaForecast(limiter, clock).forecast(0, 50);

        assertThat(now.atPace()).isZero();
        assertThat(now.finish()).isEqualTo(clock.now());
        assertThat(clock.now()).isAfter(Instant.EPOCH);
    }
}
