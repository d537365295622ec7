package org.centraerp.connector.mapping;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The orders export (kind {@code orders}): how a Centra order becomes an ERP order file and, with an ERP database,
 * rows of an order header table and an order line table.
 *
 * @param file       where it is defined, for messages
 * @param format     JSON (one object per order, lines nested) or CSV (one row per line, header fields repeated)
 * @param filePrefix order files are named {@code <filePrefix><number>-<export_version>.json|csv}
 * @param header     the order's own fields; optional staging table
 * @param lines      one record per order line ({@code lines} of the Centra order); optional staging table
 */
public record OrdersMapping(String file, Format format, MasterDataMapping.Csv csv, String filePrefix, Part header,
                            Part lines) {

    public enum Format { CSV, JSON }

    /** Columns the connector fills itself: the order number and the export version (and the line number). */
    public static final Set<String> CONNECTOR_COLUMNS = Set.of("order_number", "export_version", "line_no");

    /** A header or lines part: its fields and, optionally, its ERP staging table. */
    public record Part(Optional<String> table, FieldMap fields) {
    }

    /** The mapping of a validated orders file; throws {@link IllegalStateException} naming what is wrong. */
    public static OrdersMapping of(MappingDocument document) {
        return of(document, CONNECTOR_COLUMNS, "order-");
    }

    /**
     * The same layout for another document with header and lines (kind {@code returns-export}), whose key columns
     * the connector fills are {@code connectorColumns}.
     */
    public static OrdersMapping of(MappingDocument document, Set<String> connectorColumns, String defaultPrefix) {
        JsonNode root = document.root();
        JsonNode csv = root.path("csv");
        String charsetName = csv.path("charset").asText("UTF-8");
        Charset charset;
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(document.file() + ": csv.charset: unknown charset '" + charsetName
                    + "' (e.g. UTF-8, ISO-8859-1, windows-1252)");
        }
        Part header = part(document, "header");
        Part lines = part(document, "lines");
        List<String> clashes = new ArrayList<>();
        for (String name : header.fields().fieldNames()) {
            if (connectorColumns.contains(name) || lines.fields().fieldNames().contains(name)) {
                clashes.add("header.fields: " + name);
            }
        }
        lines.fields().fieldNames().stream().filter(connectorColumns::contains).forEach(n -> clashes.add("lines.fields: " + n));
        if (!clashes.isEmpty()) {
            throw new IllegalStateException(document.file() + ": field names used twice or reserved for the connector ("
                    + String.join(", ", connectorColumns) + "): " + String.join("; ", clashes));
        }
        String delimiter = csv.path("delimiter").asText(";");
        return new OrdersMapping(document.file(),
                "csv".equals(root.path("format").asText("json")) ? Format.CSV : Format.JSON,
                new MasterDataMapping.Csv(delimiter.isEmpty() ? ';' : delimiter.charAt(0), charset,
                        csv.path("header").asBoolean(true)),
                root.path("file-prefix").asText(defaultPrefix), header, lines);
    }

    private static Part part(MappingDocument document, String key) {
        return new Part(Optional.ofNullable(document.root().path(key).path("table").textValue()),
                document.fieldMap(key + ".fields"));
    }
}
