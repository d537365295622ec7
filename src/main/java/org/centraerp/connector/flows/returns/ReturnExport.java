package org.centraerp.connector.flows.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.orders.MappedOrder;
import org.centraerp.connector.flows.orders.OrderErpWriter;
import org.centraerp.connector.mapping.OrdersMapping;
import org.centraerp.connector.mapping.RecordMappingException;
import org.centraerp.connector.state.DeadLetters;
import org.centraerp.connector.state.PollWindow;
import org.centraerp.connector.state.Watermarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns made in Centra, to the ERP (route {@code export-returns}): each poll reads the returns created since the
 * last one (minus an overlap) and those the ERP has as registered but not yet as completed, and gives the ERP each
 * new state of a return once: version 1 as registered, version 2 once completed. Per version: WRITING recorded,
 * the ERP's header and line rows (one ERP transaction; UNIQUE (return_id, export_version) makes a repeat "already
 * there") and the file {@code return-<id>-<version>.json} written to the outbox endpoint
 * ({@code connector.returns.outbox}), then WRITTEN. Returns the connector
 * made itself from the ERP's return files are the ERP's own and are not sent back unless configured.
 */
public class ReturnExport {

    static final String FLOW = "returns";
    static final String WATERMARK = "returns-export";
    static final String DOCUMENT = "returns/returns";
    private static final int PAGE = 200;
    private static final Logger log = LoggerFactory.getLogger(ReturnExport.class);
    private static final DateTimeFormatter CENTRA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final CentraClient centra;
    private final ReturnExports exports;
    private final OrderErpWriter writer;
    private final BiConsumer<String, byte[]> files;
    private final Watermarks watermarks;
    private final DeadLetters deadLetters;
    private final ReturnExportProperties properties;
    private final OrdersMapping mapping;
    private final Clock clock;

    /** @param files writes one file (name, content) to the outbox endpoint connector.returns.outbox */
    public ReturnExport(CentraClient centra, ReturnExports exports, OrderErpWriter writer,
                        BiConsumer<String, byte[]> files, Watermarks watermarks,
                        DeadLetters deadLetters, ReturnExportProperties properties, OrdersMapping mapping,
                        Clock clock) {
        this.centra = centra;
        this.exports = exports;
        this.writer = writer;
        this.files = files;
        this.watermarks = watermarks;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.mapping = mapping;
        this.clock = clock;
    }

    /** One poll; the watermark moves only when every return read is in the ERP (or in the dead letters). */
    public int poll() {
        PollWindow window = PollWindow.next(watermarks, WATERMARK, clock, properties.overlap(),
                properties.initialLookback());
        Instant from = window.from();
        Instant to = window.to();
        Map<Long, JsonNode> returns = new LinkedHashMap<>();
        Map<String, Object> created = Map.of("createdAt", Map.of("from", CENTRA_TIME.format(from),
                "to", CENTRA_TIME.format(to)));
        centra.pages(DOCUMENT, Map.of("where", created), "returns", PAGE)
                .forEach(r -> returns.put(r.path("id").asLong(), r));
        List<Long> open = exports.inProgress();
        for (int i = 0; i < open.size(); i += PAGE) {
            List<Long> ids = open.subList(i, Math.min(open.size(), i + PAGE));
            centra.query(DOCUMENT, Map.of("where", Map.of("id", ids), "limit", ids.size())).data().path("returns")
                    .forEach(r -> returns.put(r.path("id").asLong(), r));
        }
        int exported = 0;
        boolean allDone = true;
        for (JsonNode found : returns.values()) {
            try {
                exported += export(found) ? 1 : 0;
            } catch (RuntimeException e) {
                allDone = false;
                log.warn("Return {} not exported yet ({}: {}); tried again on the next poll", found.path("id").asLong(),
                        e.getClass().getSimpleName(), e.getMessage());
            }
        }
        if (allDone && !window.close()) {
            log.debug("Returns export watermark moved by another instance meanwhile");
        }
        if (exported > 0) {
            log.info("Returns {} .. {}: {} return versions exported to the ERP", from, to, exported);
        }
        return exported;
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
            return switch (exportReturn(found)) {
                case WRITTEN -> "return " + returnId + " exported to the ERP again as version " + version;
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

    private enum Outcome { WRITTEN, ALREADY, ERP_OWN, DEAD_LETTER }

    private static int version(JsonNode found) {
        return "COMPLETED".equals(found.path("status").asText()) ? ReturnExports.COMPLETED : ReturnExports.REGISTERED;
    }

    /** Gives the ERP this state of the return unless it has it; true when it was written now. */
    boolean export(JsonNode found) {
        return exportReturn(found) == Outcome.WRITTEN;
    }

    private Outcome exportReturn(JsonNode found) {
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
        String file = null;
        if (properties.files()) {
            file = OrderErpWriter.fileName(mapping, mapped.orderNumber(), mapped.exportVersion());
            files.accept(file, OrderErpWriter.render(mapping, mapped));
        }
        exports.written(id, version, file);
        log.info("Return {} (order {}) exported to the ERP as version {}", id, found.path("order").path("number")
                .asLong(), version);
        return Outcome.WRITTEN;
    }
}
