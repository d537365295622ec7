package org.centraerp.connector.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The reports a file flow writes beside the files it took: {@code <inbox>/.done/<file>.report.csv}. */
public final class InboxReports {

    private InboxReports() {
    }

    /** The reports in the inbox's {@code .done/}, oldest first; none when the folder is not there yet. */
    public static List<Path> of(Path inbox) {
        Path done = inbox.resolve(".done");
        if (!Files.isDirectory(done)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".report.csv"))
                    .sorted(Comparator.comparing(InboxReports::modified)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report's rows by its header ({@code line;key;outcome;reason}, or the flow's own columns). */
    public static List<CSVRecord> read(Path report) {
        try {
            return CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                    .parse(Files.newBufferedReader(report, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
