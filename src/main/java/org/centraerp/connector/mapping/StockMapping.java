package org.centraerp.connector.mapping;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stock import (kind {@code stock}): how the ERP's stock files are read and what each line means.
 *
 * @param file       e.g. {@code mappings/default/stock.yaml}, for messages
 * @param mode       absolute levels or movements
 * @param productKey which Centra {@code ProductSizeInput} field the {@code key} field fills
 * @param csv        how the file is written
 * @param columns    the column names the file must have
 * @param fields     one line to {@code key}, {@code warehouse-id}, {@code quantity} (and {@code warehouse})
 */
public record StockMapping(String file, Mode mode, ProductKey productKey, Csv csv, List<String> columns,
                           FieldMap fields) {

    /** Field names a stock mapping must produce. */
    public static final String KEY = "key";
    public static final String WAREHOUSE_ID = "warehouse-id";
    public static final String QUANTITY = "quantity";
    /** Optional: the ERP's own warehouse code, for the report. */
    public static final String WAREHOUSE = "warehouse";

    public enum Mode {
        /** Physical stock per size and warehouse: Centra {@code setStock} with {@code stockQuantityType: PHYSICAL}. */
        ABSOLUTE,
        /** Movements: Centra {@code changeStock} into (positive) or out of (negative) a warehouse. */
        DELTA
    }

    /** The {@code ProductSizeInput} field that identifies a size. */
    public enum ProductKey { SKU, EAN }

    /** CSV settings of the file. */
    public record Csv(char delimiter, Charset charset, boolean header) {
    }

    public StockMapping {
        columns = List.copyOf(columns);
    }

    /** Reads the settings of a validated {@code kind: stock} file; problems go to the file's problem list. */
    static StockMapping read(MappingFile file, MappingDocument document) {
        JsonNode root = file.root();
        JsonNode csv = root.path("csv");
        String charsetName = csv.path("charset").asText("UTF-8");
        Charset charset = null;
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            file.problem("csv.charset", "unknown charset '" + charsetName + "' (e.g. UTF-8, ISO-8859-1, windows-1252)");
        }
        List<String> columns = new ArrayList<>();
        root.path("columns").forEach(c -> columns.add(c.asText()));
        FieldMap fields = document.fieldMaps().get("fields");
        // the names as written: a field that did not compile (unknown lookup, bad path) has its own problem already
        List<String> written = new ArrayList<>();
        root.path("fields").forEach(f -> written.add(f.path("name").asText("")));
        if (fields != null) {
            for (String required : List.of(KEY, WAREHOUSE_ID, QUANTITY)) {
                if (!written.contains(required)) {
                    file.problem("fields", "no field named '" + required + "' (a stock mapping needs key, "
                            + "warehouse-id and quantity; see mappings/default/stock.yaml)");
                }
            }
        }
        String delimiter = csv.path("delimiter").asText(";");
        return new StockMapping(file.displayName(),
                "delta".equals(root.path("mode").asText("absolute")) ? Mode.DELTA : Mode.ABSOLUTE,
                "EAN".equals(root.path("product-key").asText("SKU")) ? ProductKey.EAN : ProductKey.SKU,
                new Csv(delimiter.isEmpty() ? ';' : delimiter.charAt(0), charset, csv.path("header").asBoolean(true)),
                columns, fields);
    }
}
