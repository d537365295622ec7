package org.centraerp.connector.flows.catalogue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Duration;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.centraerp.connector.centra.QuotaForecast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <file>.report.csv}: one line per row of an ERP file (line; key; outcome; reason), written as it goes to a
 * local temporary file; {@link #finish} hands it to the route, which writes it beside the file through the inbox's
 * endpoint, and {@link #close} drops the local copy. Thread-safe: products synced side by side report their rows
 * as they finish. With {@link #progress} it also logs, every so often, the rows done and when the file will be done
 * at this pace and under Centra's hourly quotas.
 */
public final class ImportReport implements AutoCloseable {

    /** What happened to one row. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, FAILED,
        /** Prices: a variant without a row of its own that now sells at its product's price. */
        INHERITED;

        public String text() {
            return name().toLowerCase();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ImportReport.class);

    private final Path temp;
    private boolean finished;
    private final CSVPrinter printer;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final boolean withPricelist;
    private String fileName;
    private long totalRows;
    private QuotaForecast forecast;
    private long progressNanos;
    private long lastProgress;
    private long rows;
    /** Rows done for the progress lines when the flow counts them itself ({@link #settled}); else -1. */
    private long settled = -1;
    private String rowsAre = "rows";

    public ImportReport() {
        this(false);
    }

    /** @param withPricelist a {@code pricelist} column after the key (price files: one SKU, several pricelists) */
    public ImportReport(boolean withPricelist) {
        this.withPricelist = withPricelist;
        try {
            this.temp = Files.createTempFile("import-report-", ".csv");
            BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            printer = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator('\n')
                    .setHeader(withPricelist ? new String[] {"line", "key", "pricelist", "outcome", "reason"}
                            : new String[] {"line", "key", "outcome", "reason"}).get().print(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a report in the temporary folder", e);
        }
    }

    /** Logs progress lines every {@code every} while rows are reported; {@code totalRows} is the file's data rows. */
    public synchronized ImportReport progress(String name, long total, QuotaForecast quotaForecast, Duration every) {
        this.fileName = name;
        this.totalRows = total;
        this.forecast = quotaForecast;
        this.progressNanos = every.toNanos();
        this.lastProgress = System.nanoTime();
        return this;
    }

    /**
     * For a flow that writes its rows only at the end (prices, in line order): progress lines count {@code rowsAre}
     * (e.g. "rows to send") as the flow says with {@link #settled}, not the rows written.
     */
    public synchronized ImportReport progress(String name, long total, String rowsAre, QuotaForecast quotaForecast,
                                              Duration every) {
        progress(name, total, quotaForecast, every);
        this.rowsAre = rowsAre;
        this.settled = 0;
        return this;
    }

    /** {@code done} of the rows counted by {@link #progress(String, long, String, QuotaForecast, Duration)}. */
    public synchronized void settled(long done) {
        settled = done;
        logProgress();
    }

    public void row(long line, String key, Outcome outcome, String reason) {
        row(line, key, null, outcome, reason);
    }

    /** A row of a report with a pricelist column. */
    public synchronized void row(long line, String key, String pricelist, Outcome outcome, String reason) {
        counts.merge(outcome, 1, Integer::sum);
        rows++;
        try {
            if (withPricelist) {
                printer.printRecord(line, key == null ? "" : key, pricelist == null ? "" : pricelist, outcome.text(),
                        reason == null ? "" : reason);
            } else {
                printer.printRecord(line, key == null ? "" : key, outcome.text(), reason == null ? "" : reason);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
        if (settled < 0) {
            logProgress();
        }
    }

    private void logProgress() {
        if (forecast == null || System.nanoTime() - lastProgress < progressNanos) {
            return;
        }
        lastProgress = System.nanoTime();
        long done = done();
        log.info("{}: {} of {} {} ({}%), {}", fileName, done, totalRows, rowsAre,
                totalRows == 0 ? 100 : done * 100 / totalRows, progressText());
    }

    private long done() {
        return settled < 0 ? rows : settled;
    }

    /** The forecast part of a progress line, e.g. "about 3m10s left at this pace, … done about 23:41 UTC". */
    public synchronized String progressText() {
        long done = done();
        return forecast == null ? "" : forecast.forecast(done, Math.max(done, totalRows)).text();
    }

    /** A row about the file as a whole (line 0), e.g. {@code file-grew}; not counted as a row. */
    public synchronized void fileNote(String outcome, String reason) {
        try {
            if (withPricelist) {
                printer.printRecord(0, "", "", outcome, reason);
            } else {
                printer.printRecord(0, "", outcome, reason);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
    }

    public synchronized int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** e.g. "3 created, 10 unchanged, 1 failed". */
    public synchronized String summary() {
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().text())
                .collect(Collectors.joining(", "));
    }

    /** The finished report, a local file for the route to write where the file goes. */
    public synchronized Path finish() {
        try {
            finished = true;
            printer.close(true);
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + temp, e);
        }
    }

    /** Drops the local report (written through the endpoint, or the file is not done and is read again). */
    @Override
    public synchronized void close() {
        try {
            if (!finished) {
                finished = true;
                printer.close(true);
            }
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + temp, e);
        }
    }
}
