package org.centraerp.connector.flows.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;

/**
 * A file the route's file consumer picked up from an ERP inbox, and where it goes: {@code .done/} with
 * {@code <name>.report.csv}, or {@code .error/} with {@code <name>.error.txt}. The consumer moves the file to the
 * path in header {@value #ARCHIVE} (relative to the inbox) once the route is through.
 */
public record ErpInboxFile(Path path) {

    /** Where the file consumer moves the file, relative to the inbox. */
    public static final String ARCHIVE = "ErpFileArchive";
    /** Why the whole file is refused; absent when it can be applied. */
    public static final String REFUSAL = "ErpFileRefusal";
    public static final String DONE = ".done";
    public static final String ERROR = ".error";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    public static ErpInboxFile of(Exchange exchange) {
        return new ErpInboxFile(Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class))
                .toAbsolutePath());
    }

    public String name() {
        return path.getFileName().toString();
    }

    /** The report path in {@code .done/}; sets the archive header so the file follows it. */
    public Path doneReport(Exchange exchange) {
        String archived = archiveName(DONE);
        exchange.getIn().setHeader(ARCHIVE, DONE + "/" + archived);
        return path.resolveSibling(DONE).resolve(archived + ".report.csv");
    }

    /** Writes {@code .error/<name>.error.txt} with the reason; the file follows it to {@code .error/}. */
    public void refuse(Exchange exchange, String reason, String mappingFile) {
        String archived = archiveName(ERROR);
        exchange.getIn().setHeader(ARCHIVE, ERROR + "/" + archived);
        write(path.resolveSibling(ERROR).resolve(archived + ".error.txt"), name()
                + " was refused whole; no row of it was sent to Centra.\nReason: " + reason + "\nFix the file (or "
                + mappingFile + ") and drop it again in " + path.getParent() + "\n");
    }

    /** The name in the archive folder; a name already there gets a time stamp so no report is lost. */
    private String archiveName(String folder) {
        String name = name();
        if (!Files.exists(path.resolveSibling(folder).resolve(name))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stamp = LocalDateTime.now().format(STAMP);
        return dot > 0 ? name.substring(0, dot) + "-" + stamp + name.substring(dot) : name + "-" + stamp;
    }

    private static void write(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
