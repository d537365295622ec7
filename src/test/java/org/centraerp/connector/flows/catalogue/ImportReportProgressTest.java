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

    @Test
    void priceProgressCountsTheRowsSentNotTheRowsWrittenAtTheEnd() throws Exception {
        // prices write their rows at the end of the file: progress follows the rows sent so far
        CentraRateLimiter limiter = new CentraRateLimiter(List.of(
                new CentraRateLimiter.Window(Duration.ofSeconds(10), 0, 0, 0),
                new CentraRateLimiter.Window(Duration.ofHours(1), 0, 10, 0)), CentraClock.SYSTEM);
        ImportReport report = new ImportReport(true).progress("prices.csv", 4, "rows to send",
                new QuotaForecast(limiter, CentraClock.SYSTEM), Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            limiter.acquire(true, 0).release(0);
        }

        report.settled(2);
        String halfSent = report.progressText();
        report.row(2, "SKU1", "SEK", ImportReport.Outcome.UPDATED, null);
        report.row(3, "SKU2", "SEK", ImportReport.Outcome.UPDATED, null);
        report.row(4, "SKU3", "SEK", ImportReport.Outcome.UPDATED, null);

        assertThat(halfSent).as("2 rows took the hour's 10 mutations; 2 more need 10 more")
                .contains("no sooner than 1h00m");
        assertThat(report.progressText()).as("rows written to the report do not count as sent")
                .contains("no sooner than 1h00m");
        report.settled(4);
        assertThat(report.progressText()).contains("within the hourly and 10 s quotas");
        report.close();
    }
}
