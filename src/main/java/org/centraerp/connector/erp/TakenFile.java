package org.centraerp.connector.erp;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file of an ERP inbox as it was when the connector took it: its size then. Every reading stops there, so lines
 * the ERP appends later are never half-applied; {@link #grown} then says so, to be reported instead of cut silently.
 *
 * @param path the file in the inbox
 * @param size its size in bytes when taken
 */
public record TakenFile(Path path, long size) {

    /** The file as it is now. */
    public static TakenFile of(Path path) {
        try {
            return new TakenFile(path, Files.size(path));
        } catch (IOException e) {
            throw new ErpFileRefusedException("cannot read the file: " + e.getMessage(), e);
        }
    }

    public boolean empty() {
        return size == 0;
    }

    /** The bytes the file had when taken, buffered. */
    public InputStream open() throws IOException {
        return new Limited(new BufferedInputStream(Files.newInputStream(path)), size);
    }

    /** At most {@code size} bytes of {@code in}, buffered: a message body read as the file was when polled. */
    public static InputStream limited(InputStream in, long size) {
        return new Limited(new BufferedInputStream(in), size);
    }

    /**
     * Why the file is not what was read, when it grew after it was taken: for the report and the log.
     *
     * @param linesRead data lines read from the file as taken
     * @param lines     counts the data lines of the file as it is now (called only when it grew)
     */
    public Optional<String> grown(long linesRead, LineCounter lines) {
        long now;
        try {
            now = Files.size(path);
        } catch (IOException e) {
            return Optional.empty(); // moved or deleted by someone else: nothing to compare with
        }
        if (now <= size) {
            return Optional.empty();
        }
        long linesNow = lines.count(path);
        return Optional.of("the file grew after it was taken (" + size + " bytes then, " + now + " now): "
                + linesRead + " data lines were read, the archived copy has " + linesNow + "; the data lines after the"
                + " first " + linesRead + " were NOT applied - write files whole (as <name>.tmp, then rename) or raise"
                + " read-lock.stable-for, and drop the missing lines again in a new file");
    }

    /** Counts the data lines of a file the way its flow reads them. */
    @FunctionalInterface
    public interface LineCounter {
        long count(Path file);
    }

    /** Counts rows with a reader; a file that cannot be read counts -1 (the message then says "-1"). */
    public static LineCounter counting(ErpCsvReader reader) {
        return file -> {
            long[] rows = {0};
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                reader.read(in, row -> rows[0]++);
                return rows[0];
            } catch (IOException | UncheckedIOException | ErpFileRefusedException e) {
                return rows[0] > 0 ? rows[0] : -1;
            }
        };
    }

    /** Reads at most {@code remaining} bytes. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
