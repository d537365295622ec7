package org.centraerp.connector.flows.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.mapping.MappedRecord;
import org.centraerp.connector.mapping.OrdersMapping;
import org.centraerp.connector.mapping.RecordMappingException;
import org.centraerp.connector.mapping.RecordProblem;

/**
 * An order as the ERP gets it: header fields and lines, each already carrying the connector's columns
 * ({@code order_number}, {@code export_version}, lines also {@code line_no}).
 */
public record MappedOrder(String keyColumn, long orderNumber, int exportVersion, Map<String, Object> header,
                          List<Map<String, Object>> lines) {

    /**
     * Maps a Centra order with the customer's mapping, or throws {@link RecordMappingException} naming every bad
     * field ({@code lines[2].sku} for a line).
     */
    public static MappedOrder map(OrdersMapping mapping, JsonNode order, int exportVersion) {
        return map(mapping, order, "order_number", order.path("number").asLong(), exportVersion);
    }

    /**
     * Maps a Centra document with header fields and {@code lines} (an order, a return) under its own key column,
     * e.g. {@code return_id}.
     */
    public static MappedOrder map(OrdersMapping mapping, JsonNode order, String keyColumn, long number,
                                  int exportVersion) {
        List<RecordProblem> problems = new ArrayList<>();
        MappedRecord header = mapping.header().fields().apply(order);
        problems.addAll(header.problems());
        Map<String, Object> headerRow = new LinkedHashMap<>();
        headerRow.put(keyColumn, number);
        headerRow.put("export_version", exportVersion);
        headerRow.putAll(header.values());
        List<Map<String, Object>> lines = new ArrayList<>();
        int lineNo = 0;
        for (JsonNode line : order.path("lines")) {
            lineNo++;
            MappedRecord mapped = mapping.lines().fields().apply(line);
            for (RecordProblem problem : mapped.problems()) {
                problems.add(new RecordProblem("lines[" + (lineNo - 1) + "]." + problem.field(), problem.reason()));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(keyColumn, number);
            row.put("export_version", exportVersion);
            row.put("line_no", lineNo);
            row.putAll(mapped.values());
            lines.add(row);
        }
        if (!problems.isEmpty()) {
            throw new RecordMappingException(problems);
        }
        return new MappedOrder(keyColumn, number, exportVersion, headerRow, lines);
    }

    public List<String> headerColumns() {
        return List.copyOf(header.keySet());
    }
}
