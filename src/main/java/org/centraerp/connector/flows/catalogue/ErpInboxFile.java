package org.centraerp.connector.flows.catalogue;

import org.centraerp.connector.erp.ErpArchive;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.centraerp.connector.erp.TakenFile;
import org.slf4j.LoggerFactory;

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
    /** Bytes of the file when it was first read: every later reading stops there. */
    static final String SIZE = "ErpFileTakenSize";


    public static ErpInboxFile of(Exchange exchange) {
        return new ErpInboxFile(Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class))
                .toAbsolutePath());
    }

    /** The file as taken: its size is kept the first time (the check), so every later reading stops there. */
    public TakenFile taken(Exchange exchange) {
        Long size = exchange.getIn().getHeader(SIZE, Long.class);
        if (size != null) {
            return new TakenFile(path, size);
        }
        TakenFile taken = TakenFile.of(path);
        exchange.getIn().setHeader(SIZE, taken.size());
        return taken;
    }

    /**
     * Rows about the whole file: {@code empty} when it had no data rows, {@code file-grew} when it grew after it was
     * taken (the later rows were not read; logged too).
     */
    public void reportGrowth(Exchange exchange, ImportReport report, ErpCsvFile csv) {
        if (csv.rowsRead() == 0) {
            report.fileNote("empty", taken(exchange).empty() ? "the file was empty (0 bytes); nothing was sent"
                    : "the file has no data rows; nothing was sent");
        }
        taken(exchange).grown(csv.rowsRead(), csv.lineCounter()).ifPresent(grown -> {
            report.fileNote("file-grew", grown);
            LoggerFactory.getLogger(ErpInboxFile.class).warn("{}: {}", name(), grown);
        });
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
