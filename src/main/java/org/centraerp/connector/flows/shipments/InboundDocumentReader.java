package org.centraerp.connector.flows.shipments;

import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.erp.PhysicalLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.centraerp.connector.mapping.InboundDocumentsMapping;
import org.centraerp.connector.mapping.MappedRecord;
import org.centraerp.connector.mapping.Quoting;

/**
 * Reads an ERP shipment or return file into documents with the customer's mapping. CSV: one row per line, rows
 * grouped by erp_reference (in the order of their first row). JSON: an array of objects, each with a line array.
 * Shipment files are small (a day's parcels); the documents of one file are held in memory.
 */
public final class InboundDocumentReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InboundDocumentsMapping mapping;

    public InboundDocumentReader(InboundDocumentsMapping mapping) {
        this.mapping = mapping;
    }

    /** The file's documents; {@link ErpFileRefusedException} when the file cannot be read as a whole. */
    public List<InboundDocument> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new ErpFileRefusedException("cannot read the file: " + e.getMessage(), e);
        }
    }

    /** The documents of a file read from {@code file} (which is closed). */
    public List<InboundDocument> read(InputStream file) {
        List<InboundDocument> documents = mapping.format() == InboundDocumentsMapping.Format.JSON
                ? readJson(file) : readCsv(file);
        if (documents.isEmpty()) {
            throw new ErpFileRefusedException("the file holds no " + mapping.kind().yamlName());
        }
        if (documents.stream().noneMatch(InboundDocument::isValid)) {
            throw new ErpFileRefusedException("no usable " + mapping.kind().yamlName() + " in the file (columns or"
                    + " keys named in " + mapping.file() + " missing?); first problem: "
                    + documents.get(0).problems().stream().findFirst().orElse("no lines"));
        }
        return documents;
    }

    private List<InboundDocument> readCsv(InputStream file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(mapping.csv().delimiter()).setHeader()
                .setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        Map<String, Builder> byReference = new LinkedHashMap<>();
        List<Builder> documents = new ArrayList<>();
        try (PhysicalLines reader = new PhysicalLines(strictReader(file));
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                long line = reader.lineAt(record.getCharacterPosition());
                Map<String, String> row = record.toMap();
                MappedRecord header = mapping.header().apply(row);
                Object reference = header.values().get(InboundDocumentsMapping.REFERENCE);
                Builder document = reference == null ? null : byReference.get(reference.toString());
                if (document == null) {
                    document = new Builder(reference == null ? null : reference.toString(), header);
                    documents.add(document);
                    if (reference != null) {
                        byReference.put(reference.toString(), document);
                    }
                }
                document.add(line, header, mapping.lines().apply(row));
            }
        } catch (CharacterCodingException e) {
            throw new ErpFileRefusedException("not " + mapping.csv().charset() + " text (csv.charset in "
                    + mapping.file() + ")");
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ErpFileRefusedException("not a readable CSV file: " + Quoting.abbreviate(e.getMessage()));
        }
        return documents.stream().map(b -> b.build("line" + (b.first == b.last ? " " + b.first
                : "s " + b.first + "-" + b.last))).toList();
    }

    private List<InboundDocument> readJson(InputStream file) {
        JsonNode root;
        try (Reader reader = strictReader(file)) {
            root = JSON.readTree(reader);
        } catch (CharacterCodingException e) {
            throw new ErpFileRefusedException("not " + mapping.csv().charset() + " text");
        } catch (IOException e) {
            throw new ErpFileRefusedException("not a readable JSON file: " + Quoting.abbreviate(e.getMessage()));
        }
        JsonNode list = root != null && root.isObject() && mapping.jsonList() != null ? root.path(mapping.jsonList())
                : root;
        if (list == null || !list.isArray()) {
            throw new ErpFileRefusedException("expected an array" + (mapping.jsonList() == null ? ""
                    : " or an object with the array under '" + mapping.jsonList() + "'"));
        }
        String name = mapping.jsonList() == null ? "" : mapping.jsonList();
        List<InboundDocument> documents = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode object = list.get(i);
            String where = name + "[" + i + "]";
            MappedRecord header = mapping.header().apply(object.isObject() ? object : JSON.createObjectNode());
            Object reference = header.values().get(InboundDocumentsMapping.REFERENCE);
            Builder document = new Builder(reference == null ? null : reference.toString(), header);
            document.headerProblems(where, header);
            JsonNode lines = object.path(mapping.jsonLines());
            for (int j = 0; j < lines.size(); j++) {
                document.line(where + "." + mapping.jsonLines() + "[" + j + "]", mapping.lines().apply(lines.get(j)));
            }
            documents.add(document.build(where));
        }
        return documents;
    }

    private Reader strictReader(InputStream file) {
        return new InputStreamReader(file, mapping.csv().charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** A document being read: its header (from its first row) and its lines. */
    private static final class Builder {
        private final String reference;
        private final Map<String, Object> header;
        private final List<Map<String, Object>> lines = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private long first = -1;
        private long last = -1;

        Builder(String reference, MappedRecord header) {
            this.reference = reference;
            this.header = header.values();
        }

        void add(long line, MappedRecord header, MappedRecord values) {
            if (first < 0) {
                first = line;
                headerProblems("line " + line, header);
            }
            last = line;
            line("line " + line, values);
        }

        void headerProblems(String where, MappedRecord header) {
            header.problems().forEach(p -> problems.add(where + ": " + p));
        }

        void line(String where, MappedRecord values) {
            values.problems().forEach(p -> problems.add(where + ": " + p));
            Map<String, Object> line = values.values();
            if (line.get("sku") == null && line.get("ean") == null) {
                problems.add(where + ": neither sku nor ean");
            }
            lines.add(line);
        }

        InboundDocument build(String source) {
            return new InboundDocument(reference, source, header, List.copyOf(lines), List.copyOf(problems));
        }
    }
}
