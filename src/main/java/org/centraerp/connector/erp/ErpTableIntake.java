package org.centraerp.connector.erp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PostConstruct;
import org.centraerp.connector.mapping.MappingDocument;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.state.Watermarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * ERP tables into the inboxes of the flows that take ERP files (route {@code read-erp-tables}): each read writes
 * the rows as a file in the layout of the flow's mapping, and the flow applies it with all it does for a dropped
 * file (reports, only changes, idempotency).
 * <p>
 * A <b>snapshot</b> table (stock levels, product master, prices) is read whole; a read is skipped while the last
 * one's file still waits. A table with a <b>watermark</b> (an id or change time that grows with each new row) gives
 * only rows past the last read's highest one, each exactly once: the file is written under a temporary name and
 * synced, then the watermark moves (compare-and-set in the state database, with the file's id), then the file gets
 * its name. A crash before the move leaves a temporary file that is never used; a crash after it is finished by the
 * next read, which renames the file the watermark names. Two instances: only one moves the watermark.
 */
@Component
@EnableConfigurationProperties(ErpTableProperties.class)
public class ErpTableIntake {

    /** The flows whose inbox a table can feed. */
    public static final Set<String> FLOWS = Set.of("stock", "products", "bundles", "prices", "shipments", "returns");

    private static final Logger log = LoggerFactory.getLogger(ErpTableIntake.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final Duration ABANDONED = Duration.ofHours(1);
    private static final char SEPARATOR = '|';

    private final ErpTableProperties tables;
    private final ErpDatabase database;
    private final ErpProperties erp;
    private final MappingRepository mappings;
    private final Watermarks watermarks;
    private final Environment properties;

    public ErpTableIntake(ErpTableProperties tables, ErpDatabase database, ErpProperties erp,
                          MappingRepository mappings, Watermarks watermarks, Environment properties) {
        this.properties = properties;
        this.tables = tables;
        this.database = database;
        this.erp = erp;
        this.mappings = mappings;
        this.watermarks = watermarks;
    }

    /** Refuses to start with a table source that cannot work, saying what to set. */
    @PostConstruct
    void check() {
        List<String> problems = new ArrayList<>();
        tables.tables().forEach((flow, table) -> {
            String where = "connector.erp.tables." + flow;
            if (!FLOWS.contains(flow)) {
                problems.add(where + ": no flow '" + flow + "' takes ERP files; use one of " + FLOWS);
                return;
            }
            if (!table.enabled()) {
                return;
            }
            if (!database.configured()) {
                problems.add(where + ".enabled is true but no ERP database is configured: set ERP_DB_URL"
                        + " (connector.erp.datasource.url)");
            }
            if (table.query() == null || table.query().isBlank()) {
                problems.add(where + ".query is empty: give the SELECT that reads the table");
            } else if (!table.snapshot() && !table.query().contains(":watermark")) {
                problems.add(where + ".query has no :watermark, but watermark-column is set: add e.g. 'WHERE "
                        + table.watermarkColumn() + " > :watermark ORDER BY " + table.watermarkColumn() + "'");
            }
            if (!List.of("number", "timestamp").contains(table.watermarkType())) {
                problems.add(where + ".watermark-type is '" + table.watermarkType() + "': use number or timestamp");
            }
            try {
                layout(flow);
            } catch (IllegalStateException e) {
                problems.add(where + ": " + e.getMessage());
            }
            if (localInbox(flow).isEmpty()) {
                problems.add(where + ".enabled is true but connector." + flow + ".inbox is not a file: endpoint ("
                        + scheme(inboxUri(flow)) + ":…): a table is read into a local folder, so give " + flow
                        + " a file: inbox or read the table with the ERP's own export");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ERP table sources are misconfigured:\n  " + String.join("\n  ", problems));
        }
    }

    /** One read of the flow's table into its inbox. */
    public void read(String flow) {
        ErpTableProperties.Table table = table(flow);
        Path inbox = inbox(flow);
        if (table.snapshot()) {
            readSnapshot(flow, table, inbox);
        } else {
            finishPending(flow, inbox);
            readPastWatermark(flow, table, inbox);
        }
    }

    private void readSnapshot(String flow, ErpTableProperties.Table table, Path inbox) {
        temporaries(flow, inbox).stream().filter(t -> olderThan(t, ABANDONED)).forEach(ErpTableIntake::delete);
        Optional<Path> waiting = waiting(flow, inbox);
        if (waiting.isPresent()) {
            log.info("ERP table for {}: not read, {} from the last read still waits in the inbox", flow,
                    waiting.get().getFileName());
            return;
        }
        String name = prefix(flow) + STAMP.format(LocalDateTime.now()) + ".csv";
        Path temp = inbox.resolve(name + "." + UUID.randomUUID() + ".tmp");
        ErpTableFile file = write(flow, table, Map.of(), temp, null);
        if (file.rows() > 0) {
            move(temp, inbox.resolve(name));
            log.info("ERP table for {}: {} rows to {}", flow, file.rows(), name);
        }
    }

    private void readPastWatermark(String flow, ErpTableProperties.Table table, Path inbox) {
        Optional<String> position = watermarks.read(key(flow));
        String from = position.map(ErpTableIntake::watermarkOf).orElse(table.watermarkStart());
        String id = UUID.randomUUID().toString();
        Path temp = inbox.resolve(flow + "-table." + id + ".tmp");
        ErpTableFile file = write(flow, table, Map.of("watermark", ErpTableFile.bind(from, table.watermarkType())),
                temp, table.watermarkColumn());
        if (file.rows() == 0) {
            return;
        }
        String to = file.highestWatermark();
        if (!watermarks.advance(key(flow), position, to + SEPARATOR + id)) {
            delete(temp);
            log.info("ERP table for {}: another instance took the rows past {} first", flow, from);
            return;
        }
        String name = finalName(flow, to);
        move(temp, inbox.resolve(name));
        log.info("ERP table for {}: {} rows to {} ({} {} -> {})", flow, file.rows(), name,
                table.watermarkColumn(), from, to);
    }

    /** Renames the file the watermark names if a crash came between moving the watermark and the rename. */
    private void finishPending(String flow, Path inbox) {
        Optional<String> position = watermarks.read(key(flow));
        String pendingId = position.map(p -> p.substring(p.lastIndexOf(SEPARATOR) + 1)).orElse(null);
        for (Path temp : temporaries(flow, inbox)) {
            String name = temp.getFileName().toString();
            if (pendingId != null && name.equals(flow + "-table." + pendingId + ".tmp")) {
                String target = finalName(flow, watermarkOf(position.get()));
                move(temp, inbox.resolve(target));
                log.info("ERP table for {}: {} finished after an interrupted read", flow, target);
            } else if (olderThan(temp, ABANDONED)) {
                delete(temp); // a read cut before its watermark moved: its rows are read again
            }
        }
    }

    private ErpTableFile write(String flow, ErpTableProperties.Table table, Map<String, ?> parameters, Path temp,
                               String watermarkColumn) {
        ErpTableFile file = new ErpTableFile(temp, layout(flow), watermarkColumn, table.watermarkType());
        try (file) {
            database.stream(table.query(), parameters, file);
        } catch (RuntimeException e) {
            delete(temp);
            throw new IllegalStateException("ERP table for " + flow + " not read: " + e.getMessage(), e);
        }
        if (file.rows() == 0) {
            delete(temp);
        }
        return file;
    }

    /** Delimiter, charset and header row of the flow's mapping; a JSON layout cannot take table rows. */
    ErpTableFile.Layout layout(String flow) {
        MappingDocument document = mappings.document(flow).orElseThrow(() -> new IllegalStateException(
                "no mapping " + flow + ".yaml for customer '" + mappings.customer() + "'"));
        JsonNode root = document.root();
        if ("json".equals(root.path("format").asText("csv"))) {
            throw new IllegalStateException(document.file() + " reads JSON files; a table source needs a CSV layout"
                    + " (format: csv)");
        }
        JsonNode csv = root.path("csv");
        String delimiter = csv.path("delimiter").asText(";");
        return new ErpTableFile.Layout(delimiter.isEmpty() ? ';' : delimiter.charAt(0),
                Charset.forName(csv.path("charset").asText("UTF-8")), csv.path("header").asBoolean(true));
    }

    private ErpTableProperties.Table table(String flow) {
        ErpTableProperties.Table table = tables.tables().get(flow);
        if (table == null || !table.enabled()) {
            throw new IllegalStateException("connector.erp.tables." + flow + " is not enabled");
        }
        return table;
    }

    /** The flow's inbox endpoint URI (connector.<flow>.inbox), or null when none is configured. */
    private String inboxUri(String flow) {
        return properties == null ? null : properties.getProperty("connector." + flow + ".inbox");
    }

    /**
     * The folder of the flow's inbox: the path of its {@code file:} endpoint (its options left out), the ERP folder's
     * {@code in/<flow>} when no inbox is configured, nothing for another endpoint (SFTP...).
     */
    Optional<Path> localInbox(String flow) {
        String uri = inboxUri(flow);
        if (uri == null || uri.isBlank()) {
            return Optional.of(erp.inbox(flow));
        }
        if (!uri.startsWith("file:")) {
            return Optional.empty();
        }
        String path = uri.substring("file:".length());
        path = path.startsWith("//") ? path.substring(2) : path;
        int options = path.indexOf('?');
        return Optional.of(Path.of(options < 0 ? path : path.substring(0, options)));
    }

    /** The scheme alone: an endpoint URI may carry a password. */
    private static String scheme(String uri) {
        int colon = uri == null ? -1 : uri.indexOf(':');
        return colon < 0 ? String.valueOf(uri) : uri.substring(0, colon);
    }

    private Path inbox(String flow) {
        Path inbox = localInbox(flow).orElseThrow(() -> new IllegalStateException("connector." + flow
                + ".inbox is not a file: endpoint; an ERP table cannot be read into it"));
        try {
            return Files.createDirectories(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + inbox + ": " + e.getMessage(), e);
        }
    }

    private Optional<Path> waiting(String flow, Path inbox) {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix(flow))
                    && f.getFileName().toString().endsWith(".csv")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> temporaries(String flow, Path inbox) {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith(flow + "-table")
                    && f.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String flow) {
        return "erp-table:" + flow;
    }

    private static String prefix(String flow) {
        return flow + "-table-";
    }

    /** e.g. {@code shipments-table-1042.csv}: the highest watermark of its rows, safe as a file name. */
    private static String finalName(String flow, String watermark) {
        return prefix(flow) + watermark.replaceAll("[^A-Za-z0-9.-]", "-") + ".csv";
    }

    private static String watermarkOf(String position) {
        int separator = position.lastIndexOf(SEPARATOR);
        return separator < 0 ? position : position.substring(0, separator);
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            // another instance finished this file first
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    private static boolean olderThan(Path file, Duration age) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }
}
