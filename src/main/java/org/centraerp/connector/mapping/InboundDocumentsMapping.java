package org.centraerp.connector.mapping;

import java.nio.charset.Charset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ERP files of documents with lines that go to Centra (kinds {@code shipments} and {@code returns}): each document
 * is a header (order number, ERP reference, ...) and lines. CSV files hold one row per line, header fields repeated
 * and grouped by {@code erp_reference}; JSON files hold an array of documents, each with its line array.
 *
 * @param file      where it is defined, for messages
 * @param kind      shipments or returns
 * @param format    CSV or JSON
 * @param csv       delimiter, charset, header row
 * @param jsonList  key of the documents' array in a top-level JSON object; null when the file is the array
 * @param jsonLines key of each document's line array
 * @param header    the document's fields ({@code erp_reference}, {@code order_number}, ...)
 * @param lines     each line's fields ({@code sku}, {@code ean}, {@code quantity}, ...)
 * @param options   the kind's own settings (capture, send-email, restock-default), as written
 */
public record InboundDocumentsMapping(String file, MappingKind kind, Format format, MasterDataMapping.Csv csv,
                                      String jsonList, String jsonLines, FieldMap header, FieldMap lines,
                                      JsonNode options) {

    public enum Format { CSV, JSON }

    /** The key every document needs: the ERP's reference, which makes it happen once in Centra. */
    public static final String REFERENCE = "erp_reference";
    public static final String ORDER_NUMBER = "order_number";

    public static InboundDocumentsMapping of(MappingDocument document) {
        JsonNode root = document.root();
        JsonNode csv = root.path("csv");
        String charsetName = csv.path("charset").asText("UTF-8");
        Charset charset;
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(document.file() + ": csv.charset: unknown charset '" + charsetName + "'");
        }
        FieldMap header = document.fieldMap("header.fields");
        FieldMap lines = document.fieldMap("lines.fields");
        for (String required : new String[] {REFERENCE, ORDER_NUMBER}) {
            if (!header.fieldNames().contains(required)) {
                throw new IllegalStateException(document.file() + ": header.fields: add a field named " + required);
            }
        }
        if (!lines.fieldNames().contains("quantity")
                || !(lines.fieldNames().contains("sku") || lines.fieldNames().contains("ean"))) {
            throw new IllegalStateException(document.file() + ": lines.fields: name a field quantity and one sku or ean");
        }
        String delimiter = csv.path("delimiter").asText(";");
        return new InboundDocumentsMapping(document.file(), document.kind(),
                "json".equals(root.path("format").asText("csv")) ? Format.JSON : Format.CSV,
                new MasterDataMapping.Csv(delimiter.isEmpty() ? ';' : delimiter.charAt(0), charset, true),
                root.path("json").path("list").textValue(), root.path("json").path("lines").asText("lines"),
                header, lines, root);
    }

    public String option(String key, String fallback) {
        return options.path(key).asText(fallback);
    }

    public boolean flag(String key, boolean fallback) {
        JsonNode value = options.path(key);
        return value.isBoolean() ? value.booleanValue() : fallback;
    }
}
