package org.centraerp.connector.ops;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.erp.ErpFileFormat;
import org.centraerp.connector.flows.masterdata.MasterDataExport;
import org.centraerp.connector.flows.orders.MappedOrder;
import org.centraerp.connector.flows.orders.OrderErpWriter;
import org.centraerp.connector.flows.orders.OrderExports;
import org.centraerp.connector.flows.records.RecordExport;
import org.centraerp.connector.flows.returns.ReturnsConfiguration;
import org.centraerp.connector.mapping.MappingKind;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.mapping.MasterDataMapping;
import org.centraerp.connector.mapping.OrdersMapping;
import org.centraerp.connector.mapping.RecordMappingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the ERP would get for one Centra record (or, {@code stock <file>} and the other {@link FilePreviews}, what
 * Centra would be sent for a file): fetched with the flow's own query, mapped with the customer's
 * mapping, printed as the file's content and, with an ERP database, as the rows; nothing is written and nothing is
 * sent to Centra (only queries run). Personal data goes to the operator's terminal, never to the logs.
 */
@Component
public class Preview {

    /** Flows {@code preview} knows, with what identifies a record. */
    static final String USAGE = "preview orders <order number> | returns <return id> | master-data <entity>"
            + " | " + FilePreviews.USAGE + " | <export flow, e.g. customers> <id>"
            + " [record: print the Centra record as fetched, for a mapping test]";

    private final CentraClient centra;
    private final MappingRepository mappings;
    private final ErpDatabase erpDatabase;
    private final ObjectProvider<OrderExports> orderExports;
    private final ObjectProvider<MasterDataExport> masterData;
    private final ObjectProvider<RecordExport> recordExport;
    private final FilePreviews files;
    private boolean printRecord;

    public Preview(CentraClient centra, MappingRepository mappings, ErpDatabase erpDatabase,
                   ObjectProvider<OrderExports> orderExports, ObjectProvider<MasterDataExport> masterData,
                   FilePreviews files, ObjectProvider<RecordExport> recordExport) {
        this.centra = centra;
        this.mappings = mappings;
        this.erpDatabase = erpDatabase;
        this.orderExports = orderExports;
        this.masterData = masterData;
        this.files = files;
        this.recordExport = recordExport;
    }

    /** Prints the preview; returns the exit status (0 shown, 1 not found or not mappable, 2 usage). */
    public int run(String flow, String key, PrintStream out) {
        return run(flow, key, false, out);
    }

    /**
     * @param record print the Centra record as fetched (JSON) instead of what the ERP gets: the input of a mapping
     *               test under {@code mappings/<customer>/tests/}
     */
    public int run(String flow, String key, boolean record, PrintStream out) {
        this.printRecord = record;
        try {
            return switch (flow) {
                case "orders" -> order(Long.parseLong(key), out);
                case "returns" -> returned(Long.parseLong(key), out);
                case "master-data" -> masterData(key, out);
                default -> files.run(flow, key, out).orElseGet(() -> exported(flow, key, out));
            };
        } catch (NumberFormatException e) {
            return usage("'" + key + "' is not a number", out);
        }
    }

    private int order(long number, PrintStream out) {
        OrdersMapping mapping = mappings.orders();
        JsonNode found = centra.query("orders", Map.of("numbers", List.of(number), "limit", 1)).data().path("orders");
        if (found.isEmpty()) {
            out.println("preview: Centra has no order " + number);
            return 1;
        }
        int version = Optional.ofNullable(orderExports.getIfAvailable()).flatMap(e -> e.latest(number))
                .map(e -> e.exportVersion() + 1).orElse(1);
        return print("order " + number, mapping, found.get(0), "order_number", number, version, "orders", out);
    }

    private int returned(long id, PrintStream out) {
        OrdersMapping mapping = OrdersMapping.of(mappings.documents(MappingKind.RETURNS_EXPORT).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No mapping of kind returns-export for customer '"
                        + mappings.customer() + "'")), ReturnsConfiguration.EXPORT_COLUMNS, "return-");
        JsonNode found = centra.query("returns/returns", Map.of("where", Map.of("id", List.of(id)), "limit", 1))
                .data().path("returns");
        if (found.isEmpty()) {
            out.println("preview: Centra has no return " + id);
            return 1;
        }
        int version = "COMPLETED".equals(found.get(0).path("status").asText()) ? 2 : 1;
        return print("return " + id, mapping, found.get(0), "return_id", id, version, "returns", out);
    }

    private int print(String what, OrdersMapping mapping, JsonNode record, String keyColumn, long key, int version,
                      String folder, PrintStream out) {
        if (printRecord) {
            out.println(record.toPrettyString());
            return 0;
        }
        MappedOrder mapped;
        try {
            mapped = MappedOrder.map(mapping, record, keyColumn, key, version);
        } catch (RecordMappingException e) {
            out.println("preview: " + what + " cannot be mapped with " + mapping.file() + ": " + e.getMessage());
            return 1;
        }
        out.println("# Preview of " + what + " with " + mapping.file() + ": nothing is written, nothing is sent");
        out.println("# out/" + folder + "/" + OrderErpWriter.fileName(mapping, key, version));
        out.print(new String(OrderErpWriter.render(mapping, mapped), mapping.csv().charset()));
        if (erpDatabase.configured()) {
            mapping.header().table().ifPresent(t -> rows(t, List.of(mapped.header()), out));
            mapping.lines().table().ifPresent(t -> rows(t, mapped.lines(), out));
        }
        return 0;
    }

    /** A flow of mapping kind export (e.g. customers): the record with this id, as its route would write it. */
    private int exported(String flow, String id, PrintStream out) {
        Optional<org.centraerp.connector.mapping.MappingDocument> document = mappings.document(flow)
                .filter(d -> d.kind() == MappingKind.EXPORT);
        RecordExport export = recordExport.getIfAvailable();
        if (document.isEmpty() || export == null) {
            return usage("unknown flow '" + flow + "'", out);
        }
        String query = document.get().root().path("query").asText(flow);
        Optional<JsonNode> found = centra.pages(query, new java.util.HashMap<>(), query, CentraClient.MAX_PAGE_SIZE)
                .filter(r -> r.path("id").asText().equals(id)).findFirst();
        if (found.isEmpty()) {
            out.println("preview: Centra has no " + flow + " record " + id);
            return 1;
        }
        if (printRecord) {
            out.println(found.get().toPrettyString());
            return 0;
        }
        Map<String, Object> row;
        try {
            row = export.map(flow, found.get());
        } catch (RecordMappingException e) {
            out.println("preview: " + flow + " " + id + " cannot be mapped with " + document.get().file() + ": "
                    + e.getMessage());
            return 1;
        }
        out.println("# Preview of " + flow + " " + id + " with " + document.get().file()
                + ": nothing is written, nothing is sent");
        out.println("# out/" + flow + "/" + export.fileName(flow, row));
        out.print(new String(export.render(row), java.nio.charset.StandardCharsets.UTF_8));
        String table = document.get().root().path("table").asText("");
        if (erpDatabase.configured() && !table.isEmpty()) {
            rows(table, List.of(row), out);
        }
        return 0;
    }

    private int masterData(String entity, PrintStream out) {
        MasterDataMapping mapping = mappings.masterData();
        Optional<MasterDataMapping.EntityExport> export = mapping.entity(entity);
        MasterDataExport flow = masterData.getIfAvailable();
        if (export.isEmpty() || flow == null) {
            return usage("entity '" + entity + "' is not in " + mapping.file() + " (entities: "
                    + String.join(", ", mapping.entities().keySet()) + ")", out);
        }
        List<JsonNode> objects = flow.read(entity);
        if (printRecord) {
            out.println(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(objects).toPrettyString());
            return 0;
        }
        List<Map<String, Object>> rows = flow.map(entity, objects);
        Charset charset = mapping.csv().charset();
        ErpFileFormat format = mapping.format() == MasterDataMapping.Format.JSON ? ErpFileFormat.json(charset)
                : ErpFileFormat.csv(mapping.csv().delimiter(), charset, mapping.csv().header());
        out.println("# Preview of " + entity + " with " + mapping.file() + ": nothing is written, nothing is sent");
        out.println("# out/master-data/" + export.get().file());
        out.print(new String(format.render(export.get().fields().fieldNames(), rows), charset));
        if (erpDatabase.configured()) {
            export.get().table().ifPresent(t -> rows(t, rows, out));
        }
        return 0;
    }

    private static void rows(String table, List<Map<String, Object>> rows, PrintStream out) {
        out.println("# ERP table " + table + ": " + rows.size() + (rows.size() == 1 ? " row" : " rows"));
        rows.forEach(row -> out.println(row));
    }

    private static int usage(String problem, PrintStream out) {
        out.println("preview: " + problem + " — usage: " + USAGE);
        return 2;
    }
}
