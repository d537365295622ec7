package org.centraerp.connector.flows.catalogue;

import org.centraerp.connector.erp.ErpFileRefusedException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.centraerp.connector.mapping.ErpFileMapping;

/**
 * Reads an ERP CSV file as its mapping says, streaming. {@link #check} reads it once to refuse a broken file before
 * anything is sent (bytes not valid in the charset, missing columns, broken quoting); {@link #forEachRow} hands out
 * the rows.
 */
public final class ErpCsvFile {

    /**
     * One data row as column name → text.
     *
     * @param line the file line (the header is line 1)
     */
    public record Row(long line, Map<String, String> values) {
    }

    private static final String BOM = "\uFEFF";

    private final ErpFileMapping mapping;

    public ErpCsvFile(ErpFileMapping mapping) {
        this.mapping = mapping;
    }

    /** Reads the whole file once; returns the number of data rows, or throws {@link ErpFileRefusedException}. */
    public long check(Path file) {
        long[] rows = {0};
        forEachRow(file, row -> rows[0]++);
        return rows[0];
    }

    public void forEachRow(Path file, Consumer<Row> action) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            read(in, action);
        } catch (IOException e) {
            throw new ErpFileRefusedException("cannot read the file: " + e.getMessage(), e);
        }
    }

    private void read(InputStream in, Consumer<Row> action) throws IOException {
        CharsetDecoder decoder = mapping.csv().charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = mapping.csv().header() ? 1 : 0;
        try (Reader reader = new InputStreamReader(in, decoder); CSVParser parser = format().parse(reader)) {
            List<String> names = parser.getHeaderNames().stream().map(n -> n.replace(BOM, "")).toList();
            checkHeader(names);
            for (CSVRecord record : parser) {
                line++;
                action.accept(new Row(line, values(names, record)));
            }
        } catch (CharacterCodingException e) {
            throw wrongCharset(e);
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            if (e.getCause() instanceof CharacterCodingException c) {
                throw wrongCharset(c);
            }
            throw new ErpFileRefusedException("after line " + line + ": not readable as CSV with delimiter '"
                    + mapping.csv().delimiter() + "': " + e.getMessage(), e);
        }
    }

    private ErpFileRefusedException wrongCharset(Throwable cause) {
        String charset = mapping.csv().charset().name();
        return new ErpFileRefusedException("the file has bytes that are not valid " + charset + " — ask the ERP for "
                + charset + " or change csv.charset in " + mapping.file(), cause);
    }

    private void checkHeader(List<String> found) {
        if (!mapping.csv().header()) {
            return;
        }
        List<String> missing = mapping.columns().stream().filter(c -> !found.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ErpFileRefusedException("line 1: the header has no column " + quoted(missing) + " (found: "
                    + String.join(String.valueOf(mapping.csv().delimiter()), found) + "); " + mapping.file()
                    + " expects the columns " + quoted(mapping.columns()) + " separated by '"
                    + mapping.csv().delimiter() + "'");
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
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setDelimiter(mapping.csv().delimiter())
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setTrim(true);
        if (mapping.csv().header()) {
            format.setHeader().setSkipHeaderRecord(true);
        } else {
            format.setHeader(mapping.columns().toArray(String[]::new));
        }
        return format.get();
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
