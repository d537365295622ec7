package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.centraerp.connector.centra.CentraClock;
import org.centraerp.connector.centra.CentraRateLimiter;
import org.centraerp.connector.centra.QuotaForecast;
import org.junit.jupiter.api.Test;

class StockReportProgressTest {

    @Test
    void progressSaysTheHourlyQuotaDecidesWhenTheFileIsDone() {
        // 10 mutations per hour, all spent on the first of two lines: the second line's 10 wait for the next hour
        CentraRateLimiter limiter = hourlyQuota(10);
        try (StockReport report = new StockReport("stock.csv", 2, Duration.ofHours(1), null)) {
            report.forecast(new QuotaForecast(limiter, CentraClock.SYSTEM));
            spend(limiter, 10);

            report.line(2, "SKU1", "WH1", "5", StockReport.Outcome.APPLIED, null);

            assertThat(report.progressText()).contains("no sooner than 1h00m").contains("UTC");
        }
    }

    @Test
    void progressWithinTheQuotasSaysSo() {
        CentraRateLimiter limiter = hourlyQuota(100);
        try (StockReport report = new StockReport("stock.csv", 2, Duration.ofHours(1), null)) {
            report.forecast(new QuotaForecast(limiter, CentraClock.SYSTEM));
            spend(limiter, 10);

            report.line(2, "SKU1", "WH1", "5", StockReport.Outcome.APPLIED, null);

            assertThat(report.progressText()).contains("within the hourly and 10 s quotas")
                    .doesNotContain("no sooner");
        }
    }

    private static CentraRateLimiter hourlyQuota(int mutations) {
        return new CentraRateLimiter(List.of(
                new CentraRateLimiter.Window(Duration.ofSeconds(10), 0, 0, 0),
                new CentraRateLimiter.Window(Duration.ofHours(1), 0, mutations, 0)), CentraClock.SYSTEM);
    }

    private static void spend(CentraRateLimiter limiter, int mutations) {
        try {
            for (int i = 0; i < mutations; i++) {
                limiter.acquire(true, 0).release(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
