package org.centraerp.connector.flows.records;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.mapping.MappingDocument;
import org.centraerp.connector.mapping.MappingKind;
import org.centraerp.connector.mapping.MappingRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The steps of a YAML route that gives the ERP one Centra list record by record (mapping kind {@code export}, e.g.
 * {@code mappings/<customer>/customers.yaml}): map a record, write its row to the mapping's ERP table, name and
 * render its file. Called from routes as {@code recordExport}, e.g. {@code map('customers', ${body})}.
 */
@Component("recordExport")
public class RecordExport {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]+");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final MappingRepository mappings;
    private final ErpDatabase erpDatabase;

    public RecordExport(MappingRepository mappings, ErpDatabase erpDatabase) {
        this.mappings = mappings;
        this.erpDatabase = erpDatabase;
    }

    /**
     * The ERP row of one Centra record; a record the mapping cannot take throws
     * {@link org.centraerp.connector.mapping.RecordMappingException} naming the fields (never their values' owner).
     */
    public Map<String, Object> map(String flow, Object record) {
        return document(flow).fieldMap("fields").map(record);
    }

    /**
     * Inserts the row into the mapping's ERP table (when it names one and an ERP database is set); a version of the
     * record that is there already (UNIQUE over the key) is left as it is, so a repeated run changes nothing.
     * Passes the row on.
     */
    public Map<String, Object> writeRow(String flow, Map<String, Object> row) {
        insert(flow, row);
        return row;
    }

    /** True when the row was inserted now, false when there is no table or it was there already. */
    boolean insert(String flow, Map<String, Object> row) {
        MappingDocument document = document(flow);
        String table = document.root().path("table").asText("");
        if (table.isEmpty() || !erpDatabase.configured()) {
            return false;
        }
        List<String> columns = new ArrayList<>(row.keySet());
        columns.forEach(RecordExport::identifier);
        String sql = "INSERT INTO " + identifier(table) + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try {
            new JdbcTemplate(erpDatabase.dataSource().orElseThrow()).update(sql,
                    columns.stream().map(row::get).toArray());
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /** {@code <file-prefix><key values joined by '-'>.json}, with characters a file name must not have as '-'. */
    public String fileName(String flow, Map<String, Object> row) {
        MappingDocument document = document(flow);
        List<String> key = new ArrayList<>();
        document.root().path("key").forEach(k -> key.add(String.valueOf(row.get(k.asText()))));
        String name = key.stream().collect(Collectors.joining("-"));
        return document.root().path("file-prefix").asText("") + UNSAFE.matcher(name).replaceAll("-") + ".json";
    }

    /** The row as the ERP file's content (JSON, UTF-8). */
    public byte[] render(Map<String, Object> row) {
        return content(row);
    }

    /** The row as the ERP file's content (JSON, UTF-8); also what a mapping test compares. */
    public static byte[] content(Map<String, Object> row) {
        try {
            return (JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a row cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private MappingDocument document(String flow) {
        MappingDocument document = mappings.document(flow).orElseThrow(() -> new IllegalStateException(
                "No mapping " + flow + ".yaml for customer '" + mappings.customer() + "' (copy mappings/default/"
                        + flow + ".yaml)"));
        if (document.kind() != MappingKind.EXPORT) {
            throw new IllegalStateException(document.file() + " is of kind " + document.kind().yamlName()
                    + ", not export");
        }
        return document;
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a plain SQL identifier (letters, digits, _)");
        }
        return name;
    }

}
