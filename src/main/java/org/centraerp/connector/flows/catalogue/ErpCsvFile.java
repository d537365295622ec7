package org.centraerp.connector.flows.catalogue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.erp.TakenFile;
import org.centraerp.connector.mapping.ErpFileMapping;

/**
 * A product, bundle or price file read as its mapping ({@link ErpFileMapping}) says, from the message body;
 * refusals as {@link ErpCsvReader} gives them.
 */
public final class ErpCsvFile {

    private final ErpCsvReader reader;
    private long rowsRead;

    public ErpCsvFile(ErpFileMapping mapping) {
        this.reader = new ErpCsvReader(mapping.file(), mapping.csv().delimiter(), mapping.csv().charset(),
                mapping.csv().header(), mapping.columns());
    }

    /** Reads the whole file once; returns the number of data rows, or throws {@link ErpFileRefusedException}. */
    public long check(InputStream file, Consumer<ErpCsvReader.Row> each) {
        long[] rows = {0};
        try (InputStream in = new BufferedInputStream(file)) {
            reader.read(in, row -> {
                rows[0]++;
                each.accept(row);
            });
        } catch (IOException e) {
            throw new ErpFileRefusedException("cannot read the file: " + e.getMessage(), e);
        }
        return rows[0];
    }

    /** The rows, {@code size} at a time, for a streaming split. The file has passed {@link #check}. */
    public ErpCsvReader.Batches batches(InputStream file, int size) {
        return reader.batches(new BufferedInputStream(file), size);
    }

    /** The rows of the file as it was when taken (lines appended later are not read). */
    public void forEachRow(TakenFile file, Consumer<ErpCsvReader.Row> action) {
        rowsRead = 0;
        try (InputStream in = file.open()) {
            reader.read(in, row -> {
                rowsRead++;
                action.accept(row);
            });
        } catch (IOException e) {
            throw new ErpFileRefusedException("cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Data rows of the last {@link #forEachRow(TakenFile, Consumer)}. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Counts the data rows of a file as it is now. */
    public TakenFile.LineCounter lineCounter() {
        return TakenFile.counting(reader);
    }
}
