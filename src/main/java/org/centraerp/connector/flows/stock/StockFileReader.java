package org.centraerp.connector.flows.stock;

import org.centraerp.connector.erp.ErpFileRefusedException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.erp.TakenFile;
import org.centraerp.connector.mapping.StockMapping;

/**
 * Reads a stock file as its mapping says, streaming: never more than one line in memory.
 * {@link #check} reads it once to refuse a broken file before anything is sent (bad bytes for the charset,
 * missing columns, broken quoting) and to count its lines; {@link #batches} then hands out the lines.
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

    private final ErpCsvReader reader;

    StockFileReader(StockMapping mapping) {
        this.reader = new ErpCsvReader(mapping.file(), mapping.csv().delimiter(), mapping.csv().charset(),
                mapping.csv().header(), mapping.columns());
    }

    /** Reads the whole file once; a {@link ErpFileRefusedException} says why it cannot be used. */
    Summary check(InputStream file) {
        MessageDigest sha256 = sha256();
        long[] lines = {0};
        try (InputStream in = new DigestInputStream(new BufferedInputStream(file), sha256)) {
            reader.read(in, record -> lines[0]++);
        } catch (IOException e) {
            throw new ErpFileRefusedException("cannot read the file: " + e.getMessage(), e);
        }
        return new Summary(HexFormat.of().formatHex(sha256.digest()), lines[0]);
    }

    /** The data lines in file order, {@code size} at a time. The file has passed {@link #check}. */
    ErpCsvReader.Batches batches(InputStream file, int size) {
        return reader.batches(new BufferedInputStream(file), size);
    }

    /** Counts the data lines of the file as it is now. */
    TakenFile.LineCounter lineCounter() {
        return TakenFile.counting(reader);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
