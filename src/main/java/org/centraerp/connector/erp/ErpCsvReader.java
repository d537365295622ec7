package org.centraerp.connector.erp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.centraerp.connector.mapping.Quoting;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file the ERP dropped, as the flow's mapping describes it, streaming: never more than one row in
 * memory. A file that cannot be used whole (bytes that are not valid in the mapping's charset, a header without a
 * column the mapping reads, broken quoting) throws {@link ErpFileRefusedException} saying what to fix.
 *
 * @param mappingFile e.g. {@code mappings/default/stock.yaml}, for messages
 * @param delimiter   column separator
 * @param charset     the bytes' charset; anything else refuses the file
 * @param header      the first row names the columns (else {@code columns} in order)
 * @param columns     the columns the mapping reads
 */
public record ErpCsvReader(String mappingFile, char delimiter, Charset charset, boolean header, List<String> columns) {

    /**
     * One data row as column name → text.
     *
     * @param line the physical line of the file where the record starts (the header is line 1; blank lines and line
     *             breaks inside quoted fields counted)
     */
    public record Row(long line, Map<String, String> values) {
    }

    /** A UTF-8 byte order mark some ERPs write before the header. */
    private static final String BOM = "\uFEFF";

    public ErpCsvReader {
        columns = List.copyOf(columns);
    }

    /** Every data row of {@code in}, in file order. */
    public void read(InputStream in, Consumer<Row> action) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = header ? 1 : 0;
        try (PhysicalLines reader = new PhysicalLines(new InputStreamReader(in, decoder));
                CSVParser parser = format().parse(reader)) {
            List<String> names = parser.getHeaderNames().stream().map(n -> n.replace(BOM, "")).toList();
            checkHeader(names);
            for (CSVRecord record : parser) {
                line = reader.lineAt(record.getCharacterPosition());
                action.accept(new Row(line, values(names, record)));
            }
        } catch (CharacterCodingException e) {
            throw wrongCharset(e);
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            if (e.getCause() instanceof CharacterCodingException c) {
                throw wrongCharset(c);
            }
            throw new ErpFileRefusedException("after line " + line + ": not readable as CSV with delimiter '"
                    + delimiter + "': " + Quoting.abbreviate(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * The data rows of {@code in}, pulled one at a time (for a streaming splitter); closing it closes {@code in}.
     * Meant for a file that passed {@link #read} once: a problem now is an {@link ErpFileRefusedException} too.
     */
    public Rows open(InputStream in) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        PhysicalLines reader = new PhysicalLines(new InputStreamReader(in, decoder));
        CSVParser parser = format().parse(reader);
        List<String> names = parser.getHeaderNames().stream().map(n -> n.replace(BOM, "")).toList();
        checkHeader(names);
        return new Rows(reader, parser, names);
    }

    /** The data rows of {@code in} in lists of at most {@code size}, for a streaming splitter (which closes it). */
    public Batches batches(InputStream in, int size) {
        requireBatchSize(size);
        try {
            return new Batches(open(in), size);
        } catch (IOException e) {
            throw new ErpFileRefusedException("cannot read the file: " + e.getMessage(), e);
        }
    }

    /** A batch size from configuration (connector.<flow>.batch-size) that a split can use. */
    public static void requireBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size " + size + " cannot split a file"
                    + " — set connector.<flow>.batch-size to 1 or more");
        }
    }

    /** Rows of a file, a list at a time; see {@link #batches}. */
    public static final class Batches implements java.util.Iterator<List<Row>>, java.io.Closeable {
        private final Rows rows;
        private final int size;

        private Batches(Rows rows, int size) {
            this.rows = rows;
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public List<Row> next() {
            if (!rows.hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            List<Row> batch = new java.util.ArrayList<>(size);
            while (batch.size() < size && rows.hasNext()) {
                batch.add(rows.next());
            }
            return batch;
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    /** Rows pulled from a file; see {@link #open}. */
    public static final class Rows implements java.util.Iterator<Row>, java.io.Closeable {
        private final PhysicalLines lines;
        private final CSVParser parser;
        private final java.util.Iterator<CSVRecord> records;
        private final List<String> names;

        private Rows(PhysicalLines lines, CSVParser parser, List<String> names) {
            this.lines = lines;
            this.parser = parser;
            this.records = parser.iterator();
            this.names = names;
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public Row next() {
            CSVRecord record = records.next();
            return new Row(lines.lineAt(record.getCharacterPosition()), values(names, record));
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** The decoder reads ahead, so the line of the bad bytes is not known exactly; the charset is what matters. */
    private ErpFileRefusedException wrongCharset(Throwable cause) {
        String name = charset.name();
        return new ErpFileRefusedException("the file has bytes that are not valid " + name + " — it is not in the"
                + " charset " + mappingFile + " names (csv.charset); ask the ERP for " + name + " or change csv.charset",
                cause);
    }

    private void checkHeader(List<String> found) {
        if (!header) {
            return;
        }
        if (found.isEmpty()) {
            throw new ErpFileRefusedException("the file is empty: " + mappingFile + " expects a first line naming the"
                    + " columns " + quoted(columns) + " separated by '" + delimiter + "' (csv.header: true)");
        }
        List<String> missing = columns.stream().filter(c -> !found.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ErpFileRefusedException("line 1: the header has no column " + quoted(missing) + " (found: "
                    + Quoting.abbreviate(String.join(String.valueOf(delimiter), found)) + "); " + mappingFile + " expects the columns "
                    + quoted(columns) + " separated by '" + delimiter + "'");
        }
    }

    private static Map<String, String> values(List<String> names, CSVRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), i < record.size() ? record.get(i).strip() : null);
        }
        return values;
    }

    private CSVFormat format() {
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setTrim(true);
        if (header) {
            format.setHeader().setSkipHeaderRecord(true);
        } else {
            format.setHeader(columns.toArray(String[]::new));
        }
        return format.get();
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
