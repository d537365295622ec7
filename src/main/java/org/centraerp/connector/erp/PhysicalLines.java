package org.centraerp.connector.erp;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * A reader that knows the physical line of a CSV record: a record's character position (as commons-csv gives it,
 * {@code CSVRecord#getCharacterPosition()}) may lie before blank lines the parser skipped, and a quoted field may
 * span lines, so record numbers are not line numbers. This reader remembers where each non-empty line starts, for
 * the lines read but not yet asked about (the parser's read-ahead, a few kilobytes), never the whole file.
 */
public final class PhysicalLines extends FilterReader {

    private final ArrayDeque<long[]> lineStarts = new ArrayDeque<>();
    private long position;
    private long line = 1;
    private boolean atLineStart = true;
    private boolean afterCarriageReturn;

    public PhysicalLines(Reader in) {
        super(in);
    }

    /** The line (1 = first) of the first non-empty line starting at or after {@code characterPosition}. */
    public long lineAt(long characterPosition) {
        while (!lineStarts.isEmpty() && lineStarts.peekFirst()[0] < characterPosition) {
            lineStarts.removeFirst();
        }
        return lineStarts.isEmpty() ? line : lineStarts.peekFirst()[1];
    }

    /** The line being read. */
    public long currentLine() {
        return line;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            seen((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            seen(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void seen(char c) {
        boolean lineBreak = c == '\n' || c == '\r';
        if (atLineStart && !lineBreak) {
            lineStarts.addLast(new long[] {position, line});
        }
        if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
            line++;
        }
        afterCarriageReturn = c == '\r';
        atLineStart = lineBreak;
        position++;
    }
}
