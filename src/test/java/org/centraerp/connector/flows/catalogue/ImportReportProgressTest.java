package org.centraerp.connector.flows.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.centraerp.connector.centra.CentraClock;
import org.centraerp.connector.centra.CentraRateLimiter;
import org.centraerp.connector.centra.QuotaForecast;
import org.junit.jupiter.api.Test;

class ImportReportProgressTest {

    @Test
    void progressSaysTheHourlyQuotaDecidesWhenTheFileIsDone() throws Exception {
        // 10 mutations per hour, all spent by the first of two rows: the second row's 10 wait for the next hour
        CentraRateLimiter limiter = new CentraRateLimiter(List.of(
                new CentraRateLimiter.Window(Duration.ofSeconds(10), 0, 0, 0),
                new CentraRateLimiter.Window(Duration.ofHours(1), 0, 10, 0)), CentraClock.SYSTEM);
        ImportReport report = new ImportReport()
                .progress("products.csv", 2, new QuotaForecast(limiter, CentraClock.SYSTEM), Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            limiter.acquire(true, 0).release(0);
        }

        report.row(2, "STYLE1", ImportReport.Outcome.CREATED, null);

        assertThat(report.progressText()).contains("no sooner than 1h00m").contains("UTC");
        report.close();
    }
}
