package org.centraerp.connector.flows.shipments;

import org.centraerp.connector.erp.ErpArchive;
import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.erp.TakenFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.centraerp.connector.centra.CentraUserErrorException;
import org.centraerp.connector.mapping.InboundDocumentsMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the routes {@code import-shipment-file} and {@code import-return-file}: read a dropped file whole
 * with the customer's mapping, then either refuse it (to {@code .error/} with {@code <file>.error.txt}) or hand each
 * document to Centra and write {@code .done/<file>.report.csv}. A bad document is reported and the others go on;
 * Centra unreachable fails the exchange, so the file stays and is read again (each document continues where it
 * stopped, keyed by its ERP reference).
 */
public class InboundFileImport {

    /** Why the whole file is refused; absent when it can be applied. */
    public static final String REFUSAL = "InboundFileRefusal";
    /** Where the consumer moves the file, relative to the inbox: {@code .done/<name>} or {@code .error/<name>}. */
    public static final String ARCHIVE = "InboundFileArchive";
    static final String DOCUMENTS = "InboundFileDocuments";
    static final String DONE_FOLDER = ".done";
    static final String ERROR_FOLDER = ".error";

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

    /** Reads the file: its documents, or the reason it is refused. Sends nothing. */
    /** Bytes of the file when it was read. */
    static final String SIZE = "InboundFileSize";

    public void check(Exchange exchange) {
        Path file = file(exchange);
        try {
            exchange.getIn().setHeader(SIZE, TakenFile.of(file).size());
            List<InboundDocument> documents = new InboundDocumentReader(mapping.get()).read(file);
            exchange.getIn().setHeader(DOCUMENTS, documents);
            log.info("{}: {} {}, sending to Centra", file.getFileName(), documents.size(), what);
        } catch (ErpFileRefusedException e) {
            exchange.getIn().setHeader(REFUSAL, e.getMessage());
        }
    }

    public void refuse(Exchange exchange) {
        Path file = file(exchange);
        String reason = exchange.getIn().getHeader(REFUSAL, String.class);
        String archived = ErpArchive.archiveName(file, ERROR_FOLDER);
        ErpArchive.writeText(file.resolveSibling(ERROR_FOLDER).resolve(archived + ".error.txt"), file.getFileName()
                + " was refused whole; none of its " + what + " was sent to Centra.\nReason: " + reason
                + "\nFix the file (or " + mapping.get().file() + ") and drop it again in " + file.getParent() + "\n");
        exchange.getIn().setHeader(ARCHIVE, ERROR_FOLDER + "/" + archived);
        log.warn("{} refused: {} — moved to {}/", file.getFileName(), reason, ERROR_FOLDER);
    }

    @SuppressWarnings("unchecked")
    public void apply(Exchange exchange) {
        Path file = file(exchange);
        List<InboundDocument> documents = exchange.getIn().getHeader(DOCUMENTS, List.class);
        Function<InboundDocument, ShipmentOutcome> send = delivery.apply(mapping.get());
        List<ShipmentOutcome> outcomes = new ArrayList<>();
        for (InboundDocument document : documents) {
            try {
                outcomes.add(send.apply(document));
            } catch (CentraUserErrorException e) {
                outcomes.add(ShipmentOutcome.refused(document, e.getMessage()));
            }
        }
        // read whole at check: what the ERP appended since is not in it, and the report says so
        long taken = exchange.getIn().getHeader(SIZE, Long.class);
        long now = sizeNow(file);
        if (now > taken) {
            String grown = "the file grew after it was taken (" + taken + " bytes then, " + now + " now, "
                    + textLines(file) + " lines after the header in the archived copy): its " + documents.size() + " "
                    + what + " were read; what was written after was NOT applied - drop it again in a new file";
            outcomes.add(new ShipmentOutcome("", "", "file-grew", "", grown));
            log.warn("{}: {}", file.getFileName(), grown);
        }
        String archived = ErpArchive.archiveName(file, DONE_FOLDER);
        ShipmentReport.write(file.resolveSibling(DONE_FOLDER).resolve(archived + ".report.csv"), outcomes);
        exchange.getIn().setHeader(ARCHIVE, DONE_FOLDER + "/" + archived);
        log.info("{} done, {}; report {}/{}.report.csv", file.getFileName(), ShipmentReport.summary(outcomes),
                DONE_FOLDER, archived);
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

    private static Path file(Exchange exchange) {
        return Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
    }


}
