package org.centraerp.connector.flows.orders;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.centraerp.connector.state.StateDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Every version of an order given to the ERP (table {@code connector_order_export}): UNIQUE per order number and
 * content hash, numbered 1, 2, … per order. See V2_1__orders_pipeline.sql for the WRITING → WRITTEN protocol.
 */
public class OrderExports {

    public enum State { WRITING, WRITTEN, ABANDONED }

    public enum CentraAction { NONE, PENDING, DONE, FAILED }

    /** One exported (or being exported) version of an order. */
    public record Export(long orderNumber, String orderVersion, int exportVersion, State state, String centraStatus,
                         String fileName, CentraAction centraAction) {
    }

    private static final String COLUMNS =
            "order_number, order_version, export_version, state, centra_status, file_name, centra_action";
    private static final RowMapper<Export> ROW = (rs, i) -> new Export(rs.getLong(1), rs.getString(2), rs.getInt(3),
            State.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), CentraAction.valueOf(rs.getString(7)));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OrderExports(StateDatabase db, Clock clock) {
        this.jdbc = db.jdbc();
        this.clock = clock;
    }

    /** The newest version of the order, whatever its state. */
    public Optional<Export> latest(long orderNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM connector_order_export WHERE order_number = ?"
                + " ORDER BY export_version DESC", ps -> {
                    ps.setLong(1, orderNumber);
                    ps.setMaxRows(1);
                }, ROW).stream().findFirst();
    }

    public Optional<Export> find(long orderNumber, String orderVersion) {
        return jdbc.query("SELECT " + COLUMNS + " FROM connector_order_export WHERE order_number = ? AND order_version = ?",
                ROW, orderNumber, orderVersion).stream().findFirst();
    }

    /** All versions of an order, oldest first. */
    public List<Export> all(long orderNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM connector_order_export WHERE order_number = ?"
                + " ORDER BY export_version", ROW, orderNumber);
    }

    /**
     * Records that this content is about to be written to the ERP, under the next export version. A concurrent
     * writer of the same order fails here on the UNIQUE constraints (DuplicateKeyException) and retries later.
     */
    public Export begin(long orderNumber, String orderVersion, String centraStatus) {
        Integer max = jdbc.queryForObject("SELECT MAX(export_version) FROM connector_order_export WHERE order_number = ?",
                Integer.class, orderNumber);
        int next = max == null ? 1 : max + 1;
        LocalDateTime now = now();
        jdbc.update("INSERT INTO connector_order_export (order_number, order_version, export_version, state,"
                        + " centra_status, centra_action, created_at, updated_at) VALUES (?, ?, ?, 'WRITING', ?, 'NONE', ?, ?)",
                orderNumber, orderVersion, next, centraStatus, now, now);
        return new Export(orderNumber, orderVersion, next, State.WRITING, centraStatus, null, CentraAction.NONE);
    }

    /** A version that was being written when the order changed again: the newer content is written instead. */
    public void abandon(Export export) {
        jdbc.update("UPDATE connector_order_export SET state = 'ABANDONED', updated_at = ?"
                + " WHERE order_number = ? AND export_version = ? AND state = 'WRITING'",
                now(), export.orderNumber(), export.exportVersion());
    }

    /** The ERP has this version; {@code action} says whether Centra is still to be told (lock/confirm). */
    public void written(Export export, String fileName, CentraAction action) {
        jdbc.update("UPDATE connector_order_export SET state = 'WRITTEN', file_name = ?, centra_action = ?, updated_at = ?"
                + " WHERE order_number = ? AND export_version = ?",
                fileName, action.name(), now(), export.orderNumber(), export.exportVersion());
    }

    /**
     * Written versions whose lock/confirm in Centra is still to do (Centra was down, or an instance died), oldest
     * first; only those left alone for {@code olderThan}, so the sweep does not race the exporter that wrote them.
     */
    public List<Export> pendingCentraActions(int max, java.time.Duration olderThan) {
        LocalDateTime before = now().minus(olderThan);
        return jdbc.query("SELECT " + COLUMNS + " FROM connector_order_export WHERE centra_action = 'PENDING'"
                + " AND updated_at < ? ORDER BY created_at, order_number", ps -> {
                    ps.setObject(1, before);
                    ps.setMaxRows(max);
                }, ROW);
    }

    public void centraActionDone(Export export) {
        jdbc.update("UPDATE connector_order_export SET centra_action = 'DONE', centra_error = NULL, updated_at = ?"
                + " WHERE order_number = ? AND export_version = ?", now(), export.orderNumber(), export.exportVersion());
    }

    public void centraActionFailed(Export export, String error) {
        String cut = error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…";
        jdbc.update("UPDATE connector_order_export SET centra_action = 'FAILED', centra_error = ?, updated_at = ?"
                + " WHERE order_number = ? AND export_version = ?", cut, now(), export.orderNumber(), export.exportVersion());
    }

    /**
     * The connector confirmed the order itself: the ERP's latest version stands for Centra's order as it is now
     * (status CONFIRMED), so reading it again is not a change to export.
     */
    public void confirmedByConnector(Export export, String versionAfterConfirm) {
        jdbc.update("UPDATE connector_order_export SET order_version = ?, centra_status = 'CONFIRMED', updated_at = ?"
                + " WHERE order_number = ? AND export_version = ? AND order_version = ?", versionAfterConfirm, now(),
                export.orderNumber(), export.exportVersion(), export.orderVersion());
    }

    /** Written versions in all (for tests and the operator). */
    public int countWritten() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM connector_order_export WHERE state = 'WRITTEN'",
                Integer.class);
        return count == null ? 0 : count;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}
