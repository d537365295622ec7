package org.centraerp.connector.flows.stock;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.centraerp.connector.centra.QuotaForecast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-file report ({@code .done/<file>.report.csv}: line, key, warehouse, quantity, outcome, reason), written
 * as lines get their outcome (so not in line order), plus the {@code connector.stock.lines} counter and the
 * progress log of long files. Written to a local temporary file; {@link #close()} hands it to the route, which
 * writes it beside the file through the inbox's endpoint.
 */
final class StockReport implements AutoCloseable {

    /** What happened to one line. */
    enum Outcome {
        /** Sent to Centra and accepted. */
        APPLIED,
        /** Absolute mode: Centra was last sent the same quantity; nothing sent. */
        UNCHANGED,
        /** Absolute mode: sent by an earlier reading of this same file (rolled back after Centra went away). */
        APPLIED_EARLIER,
        /** Delta mode: this line's batch was applied before (a re-dropped file, a restart); not sent again. */
        ALREADY_APPLIED,
        /** The line cannot be used (unknown warehouse code, not a whole number, negative…); not sent. */
        INVALID,
        /** Centra refused the line (userErrors, e.g. unknown SKU); the rest of its batch was sent. */
        REFUSED;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Logger log = LoggerFactory.getLogger(StockReport.class);
    private static final String[] COLUMNS = {"line", "key", "warehouse", "quantity", "outcome", "reason"};

    private final String fileName;
    private final Path temp;
    private final CSVPrinter printer;
    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final long totalLines;
    private final long progressNanos;
    private final long started = System.nanoTime();
    private long lastProgress = started;
    private QuotaForecast forecast;
    private final StringBuilder notes = new StringBuilder();

    /**
     * @param totalLines data lines of the file, for the progress log
     * @param registry   the app's meters, or null
     */
    StockReport(String fileName, long totalLines, Duration progressInterval, MeterRegistry registry) {
        this.fileName = fileName;
        this.totalLines = totalLines;
        this.progressNanos = progressInterval.toNanos();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0L);
            if (registry != null) {
                counters.put(outcome, Counter.builder("connector.stock.lines")
                        .description("Stock file lines by outcome").tag("outcome", outcome.label()).register(registry));
            }
        }
        try {
            this.temp = Files.createTempFile("stock-report-", ".csv");
            BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
                    .setHeader(COLUMNS).get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a report in the temporary folder", e);
        }
    }

    /** The outcomes of a step, in the order they happened. */
    void record(java.util.List<StockOutcomes.Entry> entries) {
        for (StockOutcomes.Entry e : entries) {
            line(e.line(), e.key(), e.warehouse(), e.quantity(), e.outcome(), e.reason());
        }
    }

    void line(StockLine line, Outcome outcome, String reason) {
        line(line.line(), line.key(), line.warehouse(), String.valueOf(line.quantity()), outcome, reason);
    }

    void line(long line, String key, String warehouse, String quantity, Outcome outcome, String reason) {
        try {
            printer.printRecord(line, key, warehouse, quantity, outcome.label(), reason == null ? "" : reason);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + temp, e);
        }
        counts.merge(outcome, 1L, Long::sum);
        Counter counter = counters.get(outcome);
        if (counter != null) {
            counter.increment();
        }
        logProgress();
    }

    /**
     * A row about the file as a whole (line 0), e.g. {@code empty} or {@code file-grew}; not counted as a line.
     */
    void fileNote(String outcome, String reason) {
        try {
            printer.printRecord(0, "", "", "", outcome, reason);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + temp, e);
        }
        notes.append("; ").append(outcome);
    }

    long count(Outcome outcome) {
        return counts.get(outcome);
    }

    long done() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line for the log: "14 lines: 12 applied, 1 unchanged, 1 invalid". */
    String summary() {
        StringBuilder text = new StringBuilder(done() + " lines:");
        String separator = " ";
        for (Map.Entry<Outcome, Long> entry : counts.entrySet()) {
            if (entry.getValue() > 0) {
                text.append(separator).append(entry.getValue()).append(' ').append(entry.getKey().label());
                separator = ", ";
            }
        }
        return text.append(" in ").append(Duration.ofNanos(System.nanoTime() - started).toMillis()).append(" ms")
                .append(notes).toString();
    }

    private void logProgress() {
        long now = System.nanoTime();
        if (now - lastProgress < progressNanos) {
            return;
        }
        lastProgress = now;
        long done = done();
        double perSecond = done / Math.max((now - started) / 1e9, 1e-3);
        log.info("{}: {} of {} lines ({}%), {} lines/s, {}", fileName, done, totalLines,
                totalLines == 0 ? 100 : done * 100 / totalLines, Math.round(perSecond), progressText());
    }

    /**
     * Progress lines also say when the file will be done under Centra's hourly and 10 s quotas (a Growth-tier
     * brand's big file can spend the hour's mutations long before the pace says it is done).
     */
    void forecast(QuotaForecast quotaForecast) {
        this.forecast = quotaForecast;
    }

    /** The time part of a progress line: with a forecast, "about 3m10s left at this pace, … done about 23:41 UTC". */
    String progressText() {
        long done = done();
        if (forecast != null) {
            return forecast.forecast(done, Math.max(done, totalLines)).text();
        }
        double perSecond = done / Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        long left = perSecond > 0 ? (long) ((totalLines - done) / perSecond) : -1;
        return "about " + (left < 0 ? "?" : Duration.ofSeconds(left).toString().substring(2).toLowerCase(Locale.ROOT))
                + " left";
    }

    /** Finishes the report; the route writes it where the file goes, then {@link #close} drops the local copy. */
    Path finish() {
        try {
            printer.close(true);
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the report " + temp, e);
        }
    }

    /** Drops the local report (written through the endpoint, or unfinished: the file will be read again). */
    @Override
    public void close() {
        try {
            printer.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("cannot remove the unfinished report {}: {}", temp, e.getMessage());
        }
    }
}
