package org.centraerp.connector.flows.orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.erp.ErpFileFormat;
import org.centraerp.connector.mapping.OrdersMapping;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One order version for the ERP: its file's name and content (the route writes it to the outbox endpoint) and, with
 * an ERP database, its header and line rows in one ERP transaction, safe to repeat for the same export version:
 * the header table's UNIQUE (order_number, export_version) turns a second insert into "already there".
 */
public class OrderErpWriter {

    static final String FLOW = "orders";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final JdbcTemplate erp;
    private final TransactionTemplate erpTransaction;

    public OrderErpWriter(ErpDatabase erpDatabase) {
        DataSource dataSource = erpDatabase.dataSource().orElse(null);
        this.erp = dataSource == null ? null : new JdbcTemplate(dataSource);
        this.erpTransaction = dataSource == null ? null
                : new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public static String fileName(OrdersMapping mapping, long orderNumber, int exportVersion) {
        return mapping.filePrefix() + orderNumber + "-" + exportVersion
                + (mapping.format() == OrdersMapping.Format.CSV ? ".csv" : ".json");
    }

    /** The file content of one order version (also what {@code preview} prints). */
    public static byte[] render(OrdersMapping mapping, MappedOrder order) {
        if (mapping.format() == OrdersMapping.Format.CSV) {
            List<String> columns = new ArrayList<>(order.headerColumns());
            List<String> lineColumns = new ArrayList<>(mapping.lines().fields().fieldNames());
            lineColumns.add(0, "line_no");
            columns.addAll(lineColumns);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> line : order.lines()) {
                Map<String, Object> row = new LinkedHashMap<>(order.header());
                row.putAll(line);
                rows.add(row);
            }
            var csv = mapping.csv();
            return ErpFileFormat.csv(csv.delimiter(), csv.charset(), csv.header()).render(columns, rows);
        }
        Map<String, Object> document = new LinkedHashMap<>(order.header());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : order.lines()) {
            Map<String, Object> copy = new LinkedHashMap<>(line);
            copy.remove(order.keyColumn());
            copy.remove("export_version");
            lines.add(copy);
        }
        document.put("lines", lines);
        try {
            return (JSON.writeValueAsString(document) + "\n").getBytes(mapping.csv().charset());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("order " + order.orderNumber() + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public boolean writesTables(OrdersMapping mapping) {
        return erp != null && mapping.header().table().isPresent();
    }

    /**
     * Inserts header and lines in one ERP transaction. False when the header of this export version is there
     * already (written before a crash): nothing is inserted twice.
     */
    public boolean writeTables(OrdersMapping mapping, MappedOrder order) {
        String headerTable = identifier(mapping.header().table().orElseThrow());
        try {
            erpTransaction.executeWithoutResult(status -> {
                insert(headerTable, List.of(order.header()));
                mapping.lines().table().ifPresent(t -> insert(identifier(t), order.lines()));
            });
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    private void insert(String table, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        columns.forEach(OrderErpWriter::identifier);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        List<Object[]> values = rows.stream().map(row -> columns.stream().map(row::get).toArray()).toList();
        if (values.size() == 1) {
            erp.update(sql, values.get(0)); // a plain statement: its unique violation is a DuplicateKeyException
        } else {
            erp.batchUpdate(sql, values);
        }
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a plain SQL identifier (letters, digits, _)");
        }
        return name;
    }
}
