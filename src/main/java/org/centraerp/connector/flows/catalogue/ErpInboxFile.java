package org.centraerp.connector.flows.catalogue;

import org.centraerp.connector.erp.ErpArchive;
import java.nio.file.Path;

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


    public static ErpInboxFile of(Exchange exchange) {
        return new ErpInboxFile(Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class))
                .toAbsolutePath());
    }

    public String name() {
        return path.getFileName().toString();
    }

    /** The report path in {@code .done/}; sets the archive header so the file follows it. */
    public Path doneReport(Exchange exchange) {
        String archived = ErpArchive.archiveName(path, DONE);
        exchange.getIn().setHeader(ARCHIVE, DONE + "/" + archived);
        return path.resolveSibling(DONE).resolve(archived + ".report.csv");
    }

    /** Writes {@code .error/<name>.error.txt} with the reason; the file follows it to {@code .error/}. */
    public void refuse(Exchange exchange, String reason, String mappingFile) {
        String archived = ErpArchive.archiveName(path, ERROR);
        exchange.getIn().setHeader(ARCHIVE, ERROR + "/" + archived);
        ErpArchive.writeText(path.resolveSibling(ERROR).resolve(archived + ".error.txt"), name()
                + " was refused whole; no row of it was sent to Centra.\nReason: " + reason + "\nFix the file (or "
                + mappingFile + ") and drop it again in " + path.getParent() + "\n");
    }


}
