package org.centraerp.connector.flows.stock;

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
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.centraerp.connector.mapping.StockMapping;

/**
 * Reads a stock file as its mapping says, streaming: never more than one line in memory.
 * {@link #check} reads it once to refuse a broken file before anything is sent (bad bytes for the charset,
 * missing columns, broken quoting) and to count its lines; {@link #forEachRecord} then hands out the lines.
 */
final class StockFileReader {

    /**
     * What the first reading learnt.
     *
     * @param checksum SHA-256 of the bytes, hex: the same content has the same checksum whatever its name
     * @param lines    data lines (the header not counted)
     */
    record Summary(String checksum, long lines) {
    }

    /**
     * One data line as column name → text.
     *
     * @param line the file line (the header is line 1)
     */
    record Record(long line, Map<String, String> values) {
    }

    /** A UTF-8 byte order mark some ERPs write before the header. */
    private static final String BOM = "\uFEFF";

    private final StockMapping mapping;

    StockFileReader(StockMapping mapping) {
        this.mapping = mapping;
    }

    /** Reads the whole file once; a {@link ErpFileRefusedException} says why it cannot be used. */
    Summary check(Path file) {
        MessageDigest sha256 = sha256();
        long[] lines = {0};
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)), sha256)) {
            read(file, in, record -> lines[0]++);
        } catch (IOException e) {
            throw new ErpFileRefusedException("cannot read the file: " + e.getMessage(), e);
        }
        return new Summary(HexFormat.of().formatHex(sha256.digest()), lines[0]);
    }

    /** Every data line in file order. The file has passed {@link #check}. */
    void forEachRecord(Path file, Consumer<Record> action) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            read(file, in, action);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + " again", e);
        }
    }

    private void read(Path file, InputStream in, Consumer<Record> action) throws IOException {
        CharsetDecoder decoder = mapping.csv().charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = mapping.csv().header() ? 1 : 0;
        try (Reader reader = new InputStreamReader(in, decoder); CSVParser parser = format().parse(reader)) {
            List<String> names = parser.getHeaderNames().stream().map(n -> n.replace(BOM, "")).toList();
            checkHeader(names);
            for (CSVRecord record : parser) {
                line++;
                action.accept(new Record(line, values(names, record)));
            }
        } catch (CharacterCodingException e) {
            throw wrongCharset(e);
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof CharacterCodingException c ? c : e;
            if (cause instanceof CharacterCodingException) {
                throw wrongCharset(cause);
            }
            throw new ErpFileRefusedException("after line " + line + ": not readable as CSV with delimiter '"
                    + mapping.csv().delimiter() + "': " + e.getMessage(), e);
        }
    }

    /** The decoder reads ahead, so the line of the bad bytes is not known exactly; the charset is what matters. */
    private ErpFileRefusedException wrongCharset(Throwable cause) {
        String charset = mapping.csv().charset().name();
        return new ErpFileRefusedException("the file has bytes that are not valid " + charset
                + " — it is not in the charset " + mapping.file() + " names (csv.charset); ask the ERP for "
                + charset + " or change csv.charset", cause);
    }

    private void checkHeader(List<String> found) {
        if (!mapping.csv().header()) {
            return;
        }
        List<String> missing = mapping.columns().stream().filter(c -> !found.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ErpFileRefusedException("line 1: the header has no column " + String.join(", ", quoted(missing))
                    + " (found: " + String.join(String.valueOf(mapping.csv().delimiter()), found) + "); "
                    + mapping.file() + " expects the columns " + String.join(", ", quoted(mapping.columns()))
                    + " separated by '" + mapping.csv().delimiter() + "'");
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
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder()
                .setDelimiter(mapping.csv().delimiter())
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setTrim(true);
        if (mapping.csv().header()) {
            format.setHeader().setSkipHeaderRecord(true);
        } else {
            format.setHeader(mapping.columns().toArray(String[]::new));
        }
        return format.get();
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
