package org.centraerp.connector.ops.console;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * The ERP inboxes as the console shows them: every route that reads files is one, with what its flow left in
 * {@code .done/} (the file and {@code <file>.report.csv}) and {@code .error/} (the file and
 * {@code <file>.error.txt}). Read only; a report's outcome counts are read once per report version.
 */
@Component
public class Inboxes {

    static final String DONE = ".done";
    static final String ERROR = ".error";
    static final String REPORT = ".report.csv";
    static final String REFUSAL = ".error.txt";

    /** One inbox: its route and folder. */
    public record Inbox(String name, String routeId, Path folder) {
    }

    /** A file the flow handled ({@code done}) or refused whole ({@code refused}, with its error). */
    public record HandledFile(String name, String state, Instant at, Map<String, Long> outcomes, String error) {

        public long lines() {
            return outcomes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A report: its column names and the rows shown. */
    public record Report(List<String> columns, List<List<String>> rows, Map<String, Long> outcomes, boolean cut) {
    }

    private record Counted(long size, long modified, Map<String, Long> outcomes) {
    }

    private final CamelContext camel;
    private final Map<Path, Counted> counted = new ConcurrentHashMap<>();

    public Inboxes(CamelContext camel) {
        this.camel = camel;
    }

    /** Every inbox, by name (the folder's name). */
    public List<Inbox> all() {
        List<Inbox> inboxes = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof FileEndpoint file) {
                Path folder = file.getFile().toPath();
                inboxes.add(new Inbox(folder.getFileName().toString(), route.getRouteId(), folder));
            }
        }
        inboxes.sort(Comparator.comparing(Inbox::name));
        return inboxes;
    }

    public Optional<Inbox> named(String name) {
        return all().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<Inbox> ofRoute(String routeId) {
        return all().stream().filter(i -> i.routeId().equals(routeId)).findFirst();
    }

    /** Files waiting in the inbox (not hidden, not still being written as .tmp). */
    public long waiting(Inbox inbox) {
        return list(inbox.folder()).filter(f -> Files.isRegularFile(f) && !hiddenOrTemp(f)).count();
    }

    /** The newest handled and refused files, newest first. */
    public List<HandledFile> recent(Inbox inbox, int limit) {
        List<HandledFile> files = new ArrayList<>();
        list(inbox.folder().resolve(DONE)).filter(f -> isArchived(f, REPORT))
                .forEach(f -> files.add(new HandledFile(name(f), "done", modified(f), outcomes(report(f)), null)));
        list(inbox.folder().resolve(ERROR)).filter(f -> isArchived(f, REFUSAL))
                .forEach(f -> files.add(new HandledFile(name(f), "refused", modified(f), Map.of(), refusal(f))));
        files.sort(Comparator.comparing(HandledFile::at).reversed());
        return files.size() > limit ? files.subList(0, limit) : files;
    }

    /** The newest file handled ({@code done}) or refused, if any. */
    public Optional<HandledFile> newest(Inbox inbox, String state) {
        String folder = "done".equals(state) ? DONE : ERROR;
        String suffix = "done".equals(state) ? REPORT : REFUSAL;
        return list(inbox.folder().resolve(folder)).filter(f -> isArchived(f, suffix))
                .max(Comparator.comparing(Inboxes::modified))
                .map(f -> new HandledFile(name(f), state, modified(f), Map.of(), "done".equals(state) ? null : refusal(f)));
    }

    /** A handled file's report path; empty when the name is not a handled file of this inbox. */
    public Optional<Path> reportOf(Inbox inbox, String fileName) {
        Path done = inbox.folder().resolve(DONE);
        Path report = done.resolve(fileName + REPORT).normalize();
        return report.getParent().equals(done.normalize()) && Files.isRegularFile(report) ? Optional.of(report)
                : Optional.empty();
    }

    /**
     * Puts a refused file back in its inbox (after the cause was fixed), so the flow takes it again as a new file;
     * its {@code .error.txt} is removed. Answers false when the name is not a refused file of this inbox.
     */
    public boolean retryRefused(Inbox inbox, String fileName) throws IOException {
        Path error = inbox.folder().resolve(ERROR);
        Path file = error.resolve(fileName).normalize();
        if (!file.getParent().equals(error.normalize()) || !isArchived(file, REFUSAL)) {
            return false;
        }
        Path target = inbox.folder().resolve(fileName);
        if (Files.exists(target)) {
            return false;
        }
        // Through a .tmp name, which the flows never take, so the file appears whole.
        Path temp = inbox.folder().resolve(fileName + ".tmp");
        Files.move(file, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(file.resolveSibling(fileName + REFUSAL));
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Up to {@code max} rows of a report, only those of {@code outcome} when given, and the counts of all. */
    public Report read(Path report, String outcome, int max) {
        List<List<String>> rows = new ArrayList<>();
        boolean cut = false;
        try (CSVParser parser = parse(report)) {
            List<String> columns = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                if (outcome != null && !outcome.isBlank() && !outcome.equals(outcomeOf(record))) {
                    continue;
                }
                if (rows.size() == max) {
                    cut = true;
                    break;
                }
                rows.add(record.toList());
            }
            return new Report(columns, rows, outcomes(report), cut);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + report, e);
        }
    }

    private Map<String, Long> outcomes(Path report) {
        long size;
        long modified;
        try {
            size = Files.size(report);
            modified = Files.getLastModifiedTime(report).toMillis();
        } catch (IOException e) {
            return Map.of();
        }
        Counted known = counted.get(report);
        if (known != null && known.size() == size && known.modified() == modified) {
            return known.outcomes();
        }
        Map<String, Long> outcomes = new TreeMap<>();
        try (CSVParser parser = parse(report)) {
            for (CSVRecord record : parser) {
                outcomes.merge(outcomeOf(record), 1L, Long::sum);
            }
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
        counted.put(report, new Counted(size, modified, Map.copyOf(outcomes)));
        return outcomes;
    }

    private static String outcomeOf(CSVRecord record) {
        return record.isMapped("outcome") && record.isSet("outcome") ? record.get("outcome") : "";
    }

    private static CSVParser parse(Path report) throws IOException {
        Reader reader = Files.newBufferedReader(report, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get().parse(reader);
    }

    private static Path report(Path archived) {
        return archived.resolveSibling(archived.getFileName() + REPORT);
    }

    private static String refusal(Path archived) {
        try {
            Path text = archived.resolveSibling(archived.getFileName() + REFUSAL);
            return Files.readString(text, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no " + REFUSAL + " beside it)";
        }
    }

    private static boolean isArchived(Path file, String companionSuffix) {
        String name = name(file);
        return Files.isRegularFile(file) && !name.endsWith(REPORT) && !name.endsWith(REFUSAL) && !name.endsWith(".tmp")
                && Files.exists(file.resolveSibling(name + companionSuffix));
    }

    private static boolean hiddenOrTemp(Path file) {
        String name = name(file);
        return name.startsWith(".") || name.endsWith(".tmp");
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static Stream<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
