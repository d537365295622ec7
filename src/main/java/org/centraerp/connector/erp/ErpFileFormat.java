package org.centraerp.connector.erp;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** How rows are written for the ERP: CSV (delimiter, charset, header line) or a JSON array. */
public record ErpFileFormat(Kind kind, char delimiter, Charset charset, boolean header) {

    public enum Kind { CSV, JSON }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static ErpFileFormat csv(char delimiter, Charset charset, boolean header) {
        return new ErpFileFormat(Kind.CSV, delimiter, charset, header);
    }

    public static ErpFileFormat json(Charset charset) {
        return new ErpFileFormat(Kind.JSON, ',', charset, false);
    }

    /** Renders rows with the given columns, in that order. */
    public byte[] render(List<String> columns, List<Map<String, Object>> rows) {
        return switch (kind) {
            case CSV -> renderCsv(columns, rows).getBytes(charset);
            case JSON -> renderJson(rows).getBytes(charset);
        };
    }

    private String renderCsv(List<String> columns, List<Map<String, Object>> rows) {
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\n");
        if (header) {
            format.setHeader(columns.toArray(String[]::new));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format.get())) {
            for (Map<String, Object> row : rows) {
                printer.printRecord(columns.stream().map(row::get).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String renderJson(List<Map<String, Object>> rows) {
        try {
            return JSON.writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rows cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
