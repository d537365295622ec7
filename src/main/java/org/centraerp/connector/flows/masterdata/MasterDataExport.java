package org.centraerp.connector.flows.masterdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Header;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.erp.ErpFileFormat;
import org.centraerp.connector.mapping.MappedRecord;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.mapping.MasterDataMapping;
import org.centraerp.connector.mapping.MasterDataMapping.EntityExport;
import org.centraerp.connector.ops.FlowProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The steps of route {@code export-master-data}: which entities the mapping exports, reading one
 * from Centra, mapping it to ERP rows, and writing those to the ERP's file and table.
 */
@Component("masterDataExport")
public class MasterDataExport {

    public static final String ENTITY = "MasterDataEntity";
    static final String FLOW = "master-data";
    /** Centra's page size limit: fewest calls for the (small) master-data lists. */
    private static final int PAGE_SIZE = CentraClient.MAX_PAGE_SIZE;
    /** Each entity is read with the Centra document of the same name, e.g. centra/markets.graphql. */
    private static final List<String> PAGED = List.of("markets", "warehouses", "pricelists", "sizeCharts");

    private static final Logger log = LoggerFactory.getLogger(MasterDataExport.class);

    private final CentraClient centra;
    private final MappingRepository mappings;
    private final ErpDatabase erpDatabase;

    public MasterDataExport(CentraClient centra, MappingRepository mappings, ErpDatabase erpDatabase) {
        this.centra = centra;
        this.mappings = mappings;
        this.erpDatabase = erpDatabase;
    }

    /** The entities the customer's mapping exports, in file order. */
    public List<String> entities() {
        return List.copyOf(mapping().entities().keySet());
    }

    /** Every object of the entity in Centra, all pages. */
    public List<JsonNode> read(@Header(ENTITY) String entity) {
        if (PAGED.contains(entity)) {
            return centra.pages(entity, Map.of(), entity, PAGE_SIZE).toList();
        }
        List<JsonNode> objects = new ArrayList<>();
        centra.query(entity, Map.of()).data().path(entity).forEach(objects::add);
        return objects;
    }

    /** Centra objects to ERP rows; an object the mapping cannot take is logged and left out. */
    public List<Map<String, Object>> map(@Header(ENTITY) String entity, List<JsonNode> objects) {
        EntityExport export = export(entity);
        List<Map<String, Object>> rows = new ArrayList<>(objects.size());
        for (JsonNode object : objects) {
            MappedRecord mapped = export.fields().apply(object);
            if (mapped.isValid()) {
                rows.add(mapped.values());
            } else {
                log.warn("{} id {} left out of {}: {}", entity, object.path("id").asText("?"), export.file(),
                        mapped.problems());
            }
        }
        return rows;
    }

    /** The entity's file name in the outbox, as the mapping names it. */
    public String fileName(@Header(ENTITY) String entity) {
        return export(entity).file();
    }

    /** The entity's ERP file (CSV or JSON as the mapping says); route export-master-data writes it if it changed. */
    public byte[] render(@Header(ENTITY) String entity, List<Map<String, Object>> rows) {
        EntityExport export = export(entity);
        log.info("{}: {} rows", export.file(), rows.size());
        return format().render(export.fields().fieldNames(), rows);
    }

    /** Replaces the ERP staging table's rows, when the mapping names a table and an ERP database is set. */
    public void writeTable(@Header(ENTITY) String entity, List<Map<String, Object>> rows) {
        EntityExport export = export(entity);
        if (erpDatabase.configured() && export.table().isPresent()) {
            try {
                erpDatabase.replaceAll(export.table().get(), export.fields().fieldNames(), rows);
            } catch (org.springframework.dao.DataAccessException e) {
                // One line, no stack trace: a missing table is a set-up matter (setup-erp-tables), an unreachable
                // database a passing one; the file went out either way and the next run writes the table again.
                log.warn("Master data {} not written to ERP table {}: {} — the setup-erp-tables command creates"
                        + " the default tables", entity, export.table().get(), firstLine(e.getMostSpecificCause()));
            }
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private ErpFileFormat format() {
        MasterDataMapping mapping = mapping();
        MasterDataMapping.Csv csv = mapping.csv();
        return mapping.format() == MasterDataMapping.Format.JSON
                ? ErpFileFormat.json(csv.charset())
                : ErpFileFormat.csv(csv.delimiter(), csv.charset(), csv.header());
    }

    private EntityExport export(String entity) {
        return mapping().entity(entity).orElseThrow(() -> new IllegalArgumentException(
                "entity '" + entity + "' is not in " + mapping().file()));
    }

    private MasterDataMapping mapping() {
        return mappings.masterData();
    }

    /** What {@code check} probes for this flow. */
    @Bean
    static FlowProbe masterDataProbe() {
        return new FlowProbe("export-master-data", List.of("markets", "warehouses", "pricelists", "sizeCharts"));
    }
}
