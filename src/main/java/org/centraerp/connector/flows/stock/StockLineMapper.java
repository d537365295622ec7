package org.centraerp.connector.flows.stock;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.mapping.MappedRecord;
import org.centraerp.connector.mapping.RecordMappingException;
import org.centraerp.connector.mapping.StockMapping;

/**
 * One file line to a {@link StockLine} through the customer's {@code fields:}, or a report line saying why not
 * (a field the mapping rejects, an unknown warehouse, a quantity that is not a whole number or, for absolute
 * stock, below zero).
 */
final class StockLineMapper {

    private final StockMapping mapping;
    private final String fileName;
    private final Set<Integer> warehouseIds;

    /** @param warehouseIds the warehouses Centra has */
    StockLineMapper(StockMapping mapping, String fileName, Set<Integer> warehouseIds) {
        this.mapping = mapping;
        this.fileName = fileName;
        this.warehouseIds = warehouseIds;
    }

    /** The line, or empty after reporting it as invalid. */
    Optional<StockLine> map(ErpCsvReader.Row record, StockOutcomes report) {
        MappedRecord mapped = mapping.fields().apply(record.values());
        Map<String, Object> values = mapped.values();
        String key = text(values.get(StockMapping.KEY));
        String warehouse = text(values.containsKey(StockMapping.WAREHOUSE) ? values.get(StockMapping.WAREHOUSE)
                : values.get(StockMapping.WAREHOUSE_ID));
        String where = fileName + " line " + record.line();
        if (!mapped.isValid()) {
            report.line(record.line(), key, warehouse, text(values.get(StockMapping.QUANTITY)),
                    StockReport.Outcome.INVALID, new RecordMappingException(mapped.problems()).describe(where));
            return Optional.empty();
        }
        Number warehouseId = (Number) values.get(StockMapping.WAREHOUSE_ID);
        Number quantity = (Number) values.get(StockMapping.QUANTITY);
        String problem = null;
        if (!warehouseIds.contains(warehouseId.intValue())) {
            problem = "Centra has no warehouse " + warehouseId + " (" + mapping.file() + " maps warehouse '"
                    + warehouse + "' to it; fix the lookup table)";
        } else if (quantity.longValue() > Integer.MAX_VALUE || quantity.longValue() < Integer.MIN_VALUE) {
            problem = "field quantity: " + quantity + " is too large";
        } else if (quantity.longValue() < 0 && mapping.mode() == StockMapping.Mode.ABSOLUTE) {
            problem = "field quantity: " + quantity + " is negative; physical stock is 0 or more";
        }
        if (problem != null) {
            report.line(record.line(), key, warehouse, text(quantity), StockReport.Outcome.INVALID,
                    where + ": " + problem);
            return Optional.empty();
        }
        return Optional.of(new StockLine(record.line(), key, warehouse, warehouseId.intValue(), quantity.intValue()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
