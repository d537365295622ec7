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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code <file>.report.csv}: one line per row of an ERP file (line; key; outcome; reason), written as it goes to a
 * {@code .tmp} file that becomes the report when the file is done.
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

    private final Path target;
    private final Path temp;
    private final CSVPrinter printer;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final boolean withPricelist;

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

    public void row(long line, String key, Outcome outcome, String reason) {
        row(line, key, null, outcome, reason);
    }

    /** A row of a report with a pricelist column. */
    public void row(long line, String key, String pricelist, Outcome outcome, String reason) {
        counts.merge(outcome, 1, Integer::sum);
        try {
            if (withPricelist) {
                printer.printRecord(line, key == null ? "" : key, pricelist == null ? "" : pricelist, outcome.text(),
                        reason == null ? "" : reason);
                return;
            }
            printer.printRecord(line, key == null ? "" : key, outcome.text(), reason == null ? "" : reason);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
    }

    /** A row about the file as a whole (line 0), e.g. {@code file-grew}; not counted as a row. */
    public void fileNote(String outcome, String reason) {
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

    public int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** e.g. "3 created, 10 unchanged, 1 failed". */
    public String summary() {
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().text())
                .collect(Collectors.joining(", "));
    }

    /** The report becomes visible under its name. */
    @Override
    public void close() {
        try {
            printer.close(true);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + target, e);
        }
    }

    /** The file is not done (Centra unreachable): no report; the file is read again. */
    public void abandon() {
        try {
            printer.close(true);
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + temp, e);
        }
    }
}
