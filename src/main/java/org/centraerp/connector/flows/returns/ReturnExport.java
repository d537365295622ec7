package org.centraerp.connector.flows.returns;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.orders.MappedOrder;
import org.centraerp.connector.flows.orders.OrderErpWriter;
import org.centraerp.connector.flows.returns.ReturnPoll.ReturnFile;
import org.centraerp.connector.mapping.OrdersMapping;
import org.centraerp.connector.mapping.RecordMappingException;
import org.centraerp.connector.state.DeadLetters;
import org.centraerp.connector.state.PollWindow;
import org.centraerp.connector.state.Watermarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of route {@code export-returns}, returns made in Centra to the ERP: each poll reads the returns created
 * since the last one (minus an overlap) and those the ERP has as registered but not yet as completed, and gives the
 * ERP each new state of a return once: version 1 as registered, version 2 once completed. Per version: WRITING
 * recorded, the ERP's header and line rows (one ERP transaction; UNIQUE (return_id, export_version) makes a repeat
 * "already there"), then the route writes the file {@code return-<id>-<version>.json} to the outbox endpoint
 * ({@code connector.returns.outbox}, route {@code write-return-files}) and {@link #fileWritten} records WRITTEN. A
 * crash in between leaves WRITING, and the next poll writes the same version again (the file of that name is kept).
 * Returns the connector made itself from the ERP's return files are the ERP's own and are not sent back unless
 * configured.
 */
public class ReturnExport {

    static final String FLOW = "returns";
    /** Exchange property of route write-return-files: the return file being written. */
    public static final String RETURN_FILE = "ReturnFile";
    static final String WATERMARK = "returns-export";
    static final String DOCUMENT = "returns/returns";
    private static final int PAGE = 200;
    private static final Logger log = LoggerFactory.getLogger(ReturnExport.class);
    private static final DateTimeFormatter CENTRA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final CentraClient centra;
    private final ReturnExports exports;
    private final OrderErpWriter writer;
    private final UnaryOperator<ReturnPoll> writeFiles;
    private final Watermarks watermarks;
    private final DeadLetters deadLetters;
    private final ReturnExportProperties properties;
    private final OrdersMapping mapping;
    private final Clock clock;

    /**
     * @param writeFiles a console replay's files through route write-return-files (which ends in the outbox
     *                   endpoint); the scheduled polls go there by the route itself
     */
    public ReturnExport(CentraClient centra, ReturnExports exports, OrderErpWriter writer,
                        UnaryOperator<ReturnPoll> writeFiles, Watermarks watermarks,
                        DeadLetters deadLetters, ReturnExportProperties properties, OrdersMapping mapping,
                        Clock clock) {
        this.centra = centra;
        this.exports = exports;
        this.writer = writer;
        this.writeFiles = writeFiles;
        this.watermarks = watermarks;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.mapping = mapping;
        this.clock = clock;
    }

    /**
     * One poll's first half: the new return states into the ERP's tables; their files are in
     * {@link ReturnPoll#files()} for the route, and {@link #finish} moves the watermark once all went through.
     */
    public ReturnPoll poll() {
        PollWindow window = PollWindow.next(watermarks, WATERMARK, clock, properties.overlap(),
                properties.initialLookback());
        Map<Long, JsonNode> returns = new LinkedHashMap<>();
        Map<String, Object> created = Map.of("createdAt", Map.of("from", CENTRA_TIME.format(window.from()),
                "to", CENTRA_TIME.format(window.to())));
        centra.pages(DOCUMENT, Map.of("where", created), "returns", PAGE)
                .forEach(r -> returns.put(r.path("id").asLong(), r));
        List<Long> open = exports.inProgress();
        for (int i = 0; i < open.size(); i += PAGE) {
            List<Long> ids = open.subList(i, Math.min(open.size(), i + PAGE));
            centra.query(DOCUMENT, Map.of("where", Map.of("id", ids), "limit", ids.size())).data().path("returns")
                    .forEach(r -> returns.put(r.path("id").asLong(), r));
        }
        ReturnPoll run = new ReturnPoll(window);
        for (JsonNode found : returns.values()) {
            try {
                exportReturn(found, run);
            } catch (RuntimeException e) {
                run.failed();
                log.warn("Return {} not exported yet ({}: {}); tried again on the next poll", found.path("id").asLong(),
                        e.getClass().getSimpleName(), e.getMessage());
            }
        }
        return run;
    }

    /** The files route write-return-files writes to the outbox endpoint, one exchange each. */
    public List<ReturnFile> files(@Body ReturnPoll run) {
        return List.copyOf(run.files());
    }

    /** The return file's name in the outbox (header CamelFileName). */
    public String fileName(@Body ReturnFile file) {
        return file.name();
    }

    /** The return file's content, for the outbox endpoint (its name is the header CamelFileName). */
    public byte[] fileContent(@Body ReturnFile file) {
        return file.content();
    }

    /** The return file is in the ERP's outbox: this version is WRITTEN. */
    public void fileWritten(@ExchangeProperty(RETURN_FILE) ReturnFile file) {
        exports.written(file.returnId(), file.version(), file.name());
        file.poll().exported();
        log.info("Return {} (order {}) exported to the ERP as version {}", file.returnId(), file.orderNumber(),
                file.version());
    }

    /** The outbox endpoint failed (folder not writable, SFTP server down): this version is written on the next poll. */
    public void fileFailed(@ExchangeProperty(RETURN_FILE) ReturnFile file,
                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
        file.poll().failed();
        log.warn("Return {} file {} not written to the ERP outbox ({}: {}); tried again on the next poll",
                file.returnId(), file.name(), e.getClass().getSimpleName(), e.getMessage());
    }

    /** The poll's end: the watermark moves only when every return read is in the ERP (or in the dead letters). */
    public int finish(@Body ReturnPoll run) {
        PollWindow window = run.window();
        if (run.allDone() && !window.close()) {
            log.debug("Returns export watermark moved by another instance meanwhile");
        }
        if (run.exportedCount() > 0) {
            log.info("Returns {} .. {}: {} return versions exported to the ERP", window.from(), window.to(),
                    run.exportedCount());
        }
        return run.exportedCount();
    }

    /**
     * A dead letter handed back (console replay): reads the return from Centra as it is now, forgets what the ledger
     * has of its current version (a mapping failure leaves it WRITTEN without a file) and exports it with the mapping
     * loaded at start; a mapping that fails again records a new dead letter. Answers what was done, for the operator.
     */
    public String replay(long returnId) {
        try {
            JsonNode found = centra.query(DOCUMENT, Map.of("where", Map.of("id", List.of(returnId)), "limit", 1))
                    .data().path("returns").path(0);
            if (found.isMissingNode() || found.path("id").asLong() != returnId) {
                return "return " + returnId + " is not in Centra (any more): nothing exported";
            }
            int version = version(found);
            exports.forget(returnId, version);
            ReturnPoll run = new ReturnPoll(null);
            Outcome outcome = exportReturn(found, run);
            if (outcome == Outcome.FILE_DUE && !writeFiles.apply(run).allDone()) {
                throw new IllegalStateException("its file was not written to the ERP outbox (see the log)");
            }
            return switch (outcome) {
                case WRITTEN, FILE_DUE -> "return " + returnId + " exported to the ERP again as version " + version;
                case DEAD_LETTER -> "return " + returnId + " still fails its mapping: see its new dead letter";
                case ERP_OWN -> "return " + returnId + " was made from the ERP's own return file: not sent back";
                case ALREADY -> "return " + returnId + " version " + version + " is in the ERP already";
            };
        } catch (RuntimeException e) {
            // the replayed letter is closed already: a new one keeps the return for another replay
            String reason = "replay failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            deadLetters.record(FLOW, "centra return " + returnId, Long.toString(returnId), reason, null);
            log.warn("Return {} not exported on replay: {}", returnId, reason);
            return "return " + returnId + " not exported: " + reason
                    + "; a new dead letter keeps it for another replay";
        }
    }

    /** FILE_DUE: in the ERP's tables, its file still to be written by the route. */
    private enum Outcome { WRITTEN, FILE_DUE, ALREADY, ERP_OWN, DEAD_LETTER }

    private static int version(JsonNode found) {
        return "COMPLETED".equals(found.path("status").asText()) ? ReturnExports.COMPLETED : ReturnExports.REGISTERED;
    }

    /** Gives the ERP's tables this state of the return unless it has it; its file goes into {@code run}. */
    private Outcome exportReturn(JsonNode found, ReturnPoll run) {
        long id = found.path("id").asLong();
        int version = version(found);
        if (exports.state(id, version).filter("WRITTEN"::equals).isPresent()) {
            return Outcome.ALREADY;
        }
        if (!properties.includeErpReturns() && exports.madeFromErp(id)) {
            return Outcome.ERP_OWN;
        }
        MappedOrder mapped;
        try {
            mapped = MappedOrder.map(mapping, found, "return_id", id, version);
        } catch (RecordMappingException e) {
            deadLetters.record(FLOW, "centra return " + id + " (" + mapping.file() + ")", Long.toString(id),
                    e.getMessage(), null);
            exports.begin(id, version, found.path("order").path("number").asLong());
            exports.written(id, version, null);
            log.warn("Return {} not exported: {} problem(s) in its mapping; see the dead letters", id,
                    e.problems().size());
            return Outcome.DEAD_LETTER;
        }
        exports.begin(id, version, found.path("order").path("number").asLong());
        if (writer.writesTables(mapping)) {
            writer.writeTables(mapping, mapped);
        }
        long orderNumber = found.path("order").path("number").asLong();
        if (properties.files()) {
            run.files().add(new ReturnFile(run, id, version, orderNumber,
                    OrderErpWriter.fileName(mapping, mapped.orderNumber(), mapped.exportVersion()),
                    OrderErpWriter.render(mapping, mapped)));
            return Outcome.FILE_DUE;
        }
        exports.written(id, version, null);
        run.exported();
        log.info("Return {} (order {}) exported to the ERP as version {}", id, orderNumber, version);
        return Outcome.WRITTEN;
    }
}
