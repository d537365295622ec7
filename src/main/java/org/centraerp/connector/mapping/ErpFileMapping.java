package org.centraerp.connector.mapping;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every mapping of an ERP file shares (kinds {@code products}, {@code prices}): how the file is written and the
 * compiled fields of one row.
 *
 * @param file    e.g. {@code mappings/default/products.yaml}, for messages
 * @param csv     delimiter, charset, header
 * @param fields  the row's Centra-side fields
 * @param columns the ERP columns the fields read (from {@code from:} and {@code ${body[...]}}): a file whose header
 *                lacks one is refused whole
 */
public record ErpFileMapping(String file, Csv csv, FieldMap fields, List<String> columns) {

    /** CSV settings of the ERP file. */
    public record Csv(char delimiter, Charset charset, boolean header) {
    }

    public ErpFileMapping {
        columns = List.copyOf(columns);
    }

    static ErpFileMapping of(MappingDocument document) {
        JsonNode root = document.root();
        JsonNode csv = root.path("csv");
        String charsetName = csv.path("charset").asText("UTF-8");
        Charset charset;
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalStateException(document.file() + ": csv.charset: unknown charset '" + charsetName
                    + "' (e.g. UTF-8, ISO-8859-1, windows-1252)", e);
        }
        String delimiter = csv.path("delimiter").asText(";");
        return new ErpFileMapping(document.file(), new Csv(delimiter.isEmpty() ? ';' : delimiter.charAt(0), charset,
                csv.path("header").asBoolean(true)), document.fieldMap("fields"), columns(root.path("fields")));
    }

    private static List<String> columns(JsonNode fields) {
        Set<String> columns = new LinkedHashSet<>();
        fields.forEach(field -> columns.addAll(MappingCrossChecks.columnsOf(field)));
        return List.copyOf(columns);
    }
}
