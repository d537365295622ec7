package org.centraerp.connector.flows.catalogue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * {@code .tmp} file that becomes the report when the file is done. Thread-safe: products synced side by side
 * report their rows as they finish. With {@link #progress} it also logs, every so often, the rows done and when
 * the file will be done at this pace and under Centra's hourly quotas.
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

    private final Path target;
    private final Path temp;
    private final CSVPrinter printer;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final boolean withPricelist;
    private String fileName;
    private long totalRows;
    private QuotaForecast forecast;
    private long progressNanos;
    private long lastProgress;
    private long rows;

    public ImportReport(Path target) {
        this(target, false);
    }

    /** @param withPricelist a {@code pricelist} column after the key (price files: one SKU, several pricelists) */
    public ImportReport(Path target, boolean withPricelist) {
        this.withPricelist = withPricelist;
        this.target = target;
        this.temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            printer = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator('\n')
                    .setHeader(withPricelist ? new String[] {"line", "key", "pricelist", "outcome", "reason"}
                            : new String[] {"line", "key", "outcome", "reason"}).get().print(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
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
        logProgress();
    }

    private void logProgress() {
        if (forecast == null || System.nanoTime() - lastProgress < progressNanos) {
            return;
        }
        lastProgress = System.nanoTime();
        log.info("{}: {} of {} rows ({}%), {}", fileName, rows, totalRows,
                totalRows == 0 ? 100 : rows * 100 / totalRows, progressText());
    }

    /** The forecast part of a progress line, e.g. "about 3m10s left at this pace, … done about 23:41 UTC". */
    synchronized String progressText() {
        return forecast == null ? "" : forecast.forecast(rows, Math.max(rows, totalRows)).text();
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

    /** The report becomes visible under its name. */
    @Override
    public synchronized void close() {
        try {
            printer.close(true);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + target, e);
        }
    }

    /** The file is not done (Centra unreachable): no report; the file is read again. */
    public synchronized void abandon() {
        try {
            printer.close(true);
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + temp, e);
        }
    }
}
