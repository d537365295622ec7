package org.centraerp.connector.flows.catalogue;

import java.io.File;
import java.io.InputStream;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.erp.ErpFileFailures;
import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.erp.ErpHeaders;
import org.centraerp.connector.erp.TakenFile;
import org.centraerp.connector.mapping.ErpFileMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps the product, bundle and price flows share in route template import-erp-file: open the file's run,
 * check the file whole, refuse it, begin the report, read the rows in batches, write the report. Each flow adds
 * map, keep only changes, send, send the rest and record.
 *
 * @param <R> the flow's run: what one file is going through
 */
public abstract class CatalogueFileSteps<R extends CatalogueFileSteps.Run> {

    private static final Logger log = LoggerFactory.getLogger(CatalogueFileSteps.class);

    /** What one file is going through; closing it drops the local report. */
    public static class Run implements AutoCloseable {
        protected final String fileName;
        protected final ErpFileMapping file;
        protected ImportReport report;
        protected long rows;
        /** Bytes of the file when polled: every reading stops there (rows appended later are never half-read). */
        protected long size = Long.MAX_VALUE;
        /** The file on this machine (a file: inbox), to see whether it grew after it was taken; else null. */
        protected java.nio.file.Path local;

        protected Run(String fileName, ErpFileMapping file) {
            this.fileName = fileName;
            this.file = file;
        }

        public ImportReport report() {
            return report;
        }

        public String fileName() {
            return fileName;
        }

        /** The flow's mapping (columns, fields). */
        public ErpFileMapping file() {
            return file;
        }

        @Override
        public void close() {
            if (report != null) {
                report.close();
            }
        }
    }

    /** A new run for the file. */
    protected abstract R newRun(String fileName);

    /** What the rows are, for the log: "product rows". */
    protected abstract String rowsAre();

    /** Each row as the file is checked; products collect the sizes of each size chart here. */
    protected void checked(R run, ErpCsvReader.Row row) {
    }

    /** The report of one file (prices add a pricelist column). */
    protected ImportReport newReport() {
        return new ImportReport();
    }

    /** After the report started: the flow's own state for the file. */
    protected void started(R run) {
    }

    public R open(@Header(Exchange.FILE_NAME_ONLY) String fileName) {
        return newRun(fileName);
    }

    /** Reads the file once; the reason it is refused, or null. Sends nothing. */
    public String check(@Body InputStream in, @Header(Exchange.FILE_LENGTH) Long size,
                        @Header("CamelFileAbsolutePath") String path, @ExchangeProperty(ErpFileFailures.RUN) R run) {
        try {
            run.size = size == null ? Long.MAX_VALUE : size;
            run.local = path != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(path))
                    ? java.nio.file.Path.of(path) : null;
            run.rows = new ErpCsvFile(run.file).check(TakenFile.limited(in, run.size), row -> checked(run, row));
            log.info("{}: {} {}, sending to Centra", run.fileName, run.rows, rowsAre());
            return null;
        } catch (ErpFileRefusedException e) {
            return e.getMessage();
        }
    }

    /** The text of {@code .error/<name>.error.txt}. */
    public String refuse(@Header(ErpHeaders.REFUSAL) String reason, @Header(Exchange.FILE_PARENT) String inbox,
                         @ExchangeProperty(ErpFileFailures.RUN) R run) {
        log.warn("{} refused: {} — moved to .error/", run.fileName, reason);
        return run.fileName + " was refused whole; no row of it was sent to Centra.\nReason: " + reason
                + "\nFix the file (or " + run.file.file() + ") and drop it again in " + inbox + "\n";
    }

    public void begin(@ExchangeProperty(ErpFileFailures.RUN) R run) {
        run.report = newReport();
        started(run);
    }

    /** The file's rows, {@code size} at a time. */
    public ErpCsvReader.Batches batches(@Body InputStream in, @ExchangeProperty(ErpFileFailures.RUN) R run,
                                        @ExchangeProperty("ErpBatchSize") int size) {
        return new ErpCsvFile(run.file).batches(TakenFile.limited(in, run.size), size);
    }

    /** Each row's outcome went into the report as Centra answered; nothing is held back. */
    public void record(@ExchangeProperty(ErpFileFailures.RUN) R run) {
    }

    /** The finished report (a local file) for the route to write as {@code .done/<name>.report.csv}. */
    public File report(@ExchangeProperty(ErpFileFailures.RUN) R run) {
        if (run.rows == 0) {
            run.report.fileNote("empty", run.size == 0 ? "the file was empty (0 bytes); nothing was sent"
                    : "the file has no data rows; nothing was sent");
        }
        if (run.local != null) {
            new TakenFile(run.local, run.size).grown(run.rows, new ErpCsvFile(run.file).lineCounter())
                    .ifPresent(grown -> {
                        run.report.fileNote("file-grew", grown);
                        log.warn("{}: {}", run.fileName, grown);
                    });
        }
        File report = run.report.finish().toFile();
        log.info("{} done, {}", run.fileName, run.report.summary());
        return report;
    }

    public void close(@ExchangeProperty(ErpFileFailures.RUN) R run) {
        run.close();
    }
}
