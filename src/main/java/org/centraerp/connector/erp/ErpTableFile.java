package org.centraerp.connector.erp;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The rows of one ERP table read, written as the CSV file the flow's mapping reads: the query's column labels are
 * the header, values as the database renders them, empty for NULL. Tracks the highest watermark it wrote. The
 * file is synced to disk on {@link #close()}, before anything records that its rows were taken.
 */
final class ErpTableFile implements RowCallbackHandler, AutoCloseable {

    /** How a flow's mapping wants its files: the table's file is written the same way. */
    record Layout(char delimiter, Charset charset, boolean header) {
    }

    private final Path path;
    private final FileOutputStream stream;
    private final CSVPrinter printer;
    private final Layout layout;
    private final String watermarkColumn;
    private final String watermarkType;
    private int columns;
    private int watermarkIndex;
    private long rows;
    private Object highest;

    ErpTableFile(Path path, Layout layout, String watermarkColumn, String watermarkType) {
        this.path = path;
        this.layout = layout;
        this.watermarkColumn = watermarkColumn;
        this.watermarkType = watermarkType;
        try {
            stream = new FileOutputStream(path.toFile());
            Writer writer = new OutputStreamWriter(stream, layout.charset());
            printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter())
                    .setRecordSeparator('\n').get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
        if (rows == 0) {
            start(rs.getMetaData());
        }
        List<String> values = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            String value = rs.getString(i);
            values.add(value == null ? "" : value);
        }
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
        if (watermarkIndex > 0) {
            track(rs);
        }
        rows++;
    }

    private void start(ResultSetMetaData meta) throws SQLException {
        columns = meta.getColumnCount();
        List<String> labels = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            labels.add(meta.getColumnLabel(i));
            if (watermarkColumn != null && meta.getColumnLabel(i).equalsIgnoreCase(watermarkColumn)) {
                watermarkIndex = i;
            }
        }
        if (watermarkColumn != null && watermarkIndex == 0) {
            throw new IllegalStateException("the query returns no column '" + watermarkColumn
                    + "' (watermark-column); its columns are " + labels);
        }
        if (layout.header()) {
            try {
                printer.printRecord(labels);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void track(ResultSet rs) throws SQLException {
        Object value = "timestamp".equals(watermarkType) ? rs.getTimestamp(watermarkIndex) : rs.getBigDecimal(watermarkIndex);
        if (value == null) {
            throw new IllegalStateException("row " + (rows + 1) + " has no " + watermarkColumn
                    + " (watermark-column): every row needs one");
        }
        if (highest == null || ((Comparable<Object>) value).compareTo(highest) > 0) {
            highest = value;
        }
    }

    long rows() {
        return rows;
    }

    /** The highest watermark among the rows, as text that {@link #bind} reads back. */
    String highestWatermark() {
        if (highest == null) {
            return null;
        }
        return highest instanceof BigDecimal number ? number.toPlainString() : highest.toString();
    }

    /** A watermark's text as the query parameter: a number, or a timestamp such as 2026-11-24 10:15:00.0. */
    static Object bind(String watermark, String type) {
        return "timestamp".equals(type) ? Timestamp.valueOf(watermark) : new BigDecimal(watermark);
    }

    @Override
    public void close() {
        try {
            printer.flush();
            stream.getFD().sync();
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
