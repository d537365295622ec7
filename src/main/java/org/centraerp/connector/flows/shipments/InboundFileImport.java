package org.centraerp.connector.flows.shipments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.centraerp.connector.centra.CentraQueryException;
import org.centraerp.connector.centra.CentraUserErrorException;
import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.erp.ErpFileFailures;
import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.erp.ErpHeaders;
import org.centraerp.connector.erp.TakenFile;
import org.centraerp.connector.mapping.InboundDocumentsMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the shipment and return flows (route template import-erp-file, routes {@code import-shipment-file}
 * and {@code import-return-file}): read the file whole with the customer's mapping (its documents are held in
 * memory: a day's parcels), refuse it, or hand its documents to Centra a batch at a time and write the report. A bad
 * document is reported and the others go on; Centra unreachable fails the exchange, so the file stays and is read
 * again (each document continues where it stopped, keyed by its ERP reference in {@link ShipmentProgress}).
 */
public class InboundFileImport {

    private static final Logger log = LoggerFactory.getLogger(InboundFileImport.class);

    private final String what;
    private final Supplier<InboundDocumentsMapping> mapping;
    private final Function<InboundDocumentsMapping, Function<InboundDocument, ShipmentOutcome>> delivery;

    /**
     * @param what     "shipments" or "returns", for messages
     * @param mapping  the customer's mapping of this kind
     * @param delivery per mapping, what sends one document to Centra
     */
    public InboundFileImport(String what, Supplier<InboundDocumentsMapping> mapping,
                             Function<InboundDocumentsMapping, Function<InboundDocument, ShipmentOutcome>> delivery) {
        this.what = what;
        this.mapping = mapping;
        this.delivery = delivery;
    }

    /** What one file is going through. */
    public static final class Run {
        final String fileName;
        final InboundDocumentsMapping mapping;
        List<InboundDocument> documents = List.of();
        Function<InboundDocument, ShipmentOutcome> send;
        final List<ShipmentOutcome> sent = new ArrayList<>();
        final List<ShipmentOutcome> outcomes = new ArrayList<>();
        /** Bytes of the file when polled: the reading stops there. */
        long size = Long.MAX_VALUE;
        /** The file on this machine (a file: inbox), to see whether it grew after it was taken; else null. */
        Path local;

        Run(String fileName, InboundDocumentsMapping mapping) {
            this.fileName = fileName;
            this.mapping = mapping;
        }
    }

    public Run open(@Header(Exchange.FILE_NAME_ONLY) String fileName) {
        return new Run(fileName, mapping.get());
    }

    /** Reads the file with the mapping: the reason it is refused, or null. Sends nothing. */
    public String check(@Body InputStream file, @Header(Exchange.FILE_LENGTH) Long size,
                        @Header("CamelFileAbsolutePath") String path, @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        try {
            run.size = size == null ? Long.MAX_VALUE : size;
            run.local = path != null && Files.isRegularFile(Path.of(path)) ? Path.of(path) : null;
            run.documents = new InboundDocumentReader(run.mapping).read(TakenFile.limited(file, run.size));
            log.info("{}: {} {}, sending to Centra", run.fileName, run.documents.size(), what);
            return null;
        } catch (ErpFileRefusedException e) {
            return e.getMessage();
        }
    }

    /** The text of {@code .error/<name>.error.txt}. */
    public String refuse(@Header(ErpHeaders.REFUSAL) String reason, @Header(Exchange.FILE_PARENT) String inbox,
                         @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        log.warn("{} refused: {} — moved to .error/", run.fileName, reason);
        return run.fileName + " was refused whole; none of its " + what + " was sent to Centra.\nReason: " + reason
                + "\nFix the file (or " + run.mapping.file() + ") and drop it again in " + inbox + "\n";
    }

    public void begin(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        run.send = delivery.apply(run.mapping);
    }

    /** The file's documents (read whole by {@link #check}), {@code size} at a time. */
    public Iterator<List<InboundDocument>> batches(@ExchangeProperty(ErpFileFailures.RUN) Run run,
                                                   @ExchangeProperty("ErpBatchSize") int size) {
        ErpCsvReader.requireBatchSize(size);
        List<List<InboundDocument>> batches = new ArrayList<>();
        for (int from = 0; from < run.documents.size(); from += size) {
            batches.add(run.documents.subList(from, Math.min(run.documents.size(), from + size)));
        }
        return batches.iterator();
    }

    /** The documents were mapped as the file was read (a document's problems travel with it). */
    public List<InboundDocument> map(@Body List<InboundDocument> documents) {
        return documents;
    }

    /**
     * Every document goes on: a document Centra has already (a re-sent file, a restart) is found by its ERP
     * reference when it is sent, and finished or reported as it is, never created twice.
     */
    public List<InboundDocument> keepChanges(@Body List<InboundDocument> documents) {
        return documents;
    }

    /** Each document to Centra on its own; one Centra refuses is an outcome, and the others go on. */
    public void send(@Body List<InboundDocument> documents, @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        for (InboundDocument document : documents) {
            try {
                run.sent.add(run.send.apply(document));
            } catch (CentraUserErrorException e) {
                run.sent.add(ShipmentOutcome.refused(document, e.getMessage()));
            } catch (CentraQueryException e) {
                if (e.serverFault()) {
                    throw e; // Centra's own fault: the file is read again after the flow's back-off
                }
                // Centra refused the request as invalid GraphQL (a value of this document it cannot take): sending
                // it again would fail the same way, and would hold up every other document of the file.
                run.sent.add(ShipmentOutcome.refused(document, "Centra refused it as invalid (" + e.getMessage()
                        + ") — correct the document's values and drop it again"));
            }
        }
    }

    /** Nothing is left over at the end of the file: each document was sent with its batch. */
    public void sendRest(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
    }

    public void record(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        run.outcomes.addAll(run.sent);
        run.sent.clear();
    }

    /** The report's text, for the route to write as {@code .done/<name>.report.csv}. */
    public String report(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        // read whole at check: what the ERP appended since is not in it, and the report says so
        long now = run.local == null ? -1 : sizeNow(run.local);
        if (now > run.size) {
            String grown = "the file grew after it was taken (" + run.size + " bytes then, " + now + " now, "
                    + textLines(run.local) + " lines after the header in the archived copy): its "
                    + run.documents.size() + " " + what + " were read; what was written after was NOT applied - drop"
                    + " it again in a new file";
            run.outcomes.add(new ShipmentOutcome("", "", "file-grew", "", grown));
            log.warn("{}: {}", run.fileName, grown);
        }
        log.info("{} done, {}", run.fileName, ShipmentReport.summary(run.outcomes));
        return ShipmentReport.render(run.outcomes);
    }

    public void close(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
    }

    private static long sizeNow(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Text lines after the first (a CSV header; a JSON file counts its lines too). */
    private static long textLines(Path file) {
        try (var lines = Files.lines(file)) {
            return Math.max(0, lines.count() - 1);
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }
}
