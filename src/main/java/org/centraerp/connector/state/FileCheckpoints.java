package org.centraerp.connector.state;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;

/**
 * Progress per file content. A re-dropped identical file (same checksum) is recognised as done;
 * a file interrupted by a crash resumes after its last committed line.
 * Call {@link #progress} in the same transaction as the writes of those lines.
 */
public class FileCheckpoints {

    private static final String COLUMNS = "flow, file_name, checksum, status, lines_done, updated_at";

    private final StateDatabase db;

    public FileCheckpoints(StateDatabase db) {
        this.db = db;
    }

    /**
     * Starts (or resumes) a file. New content: a fresh IN_PROGRESS checkpoint with {@code started}.
     * Content seen before: DONE stays DONE (the caller skips the file); IN_PROGRESS or FAILED is set
     * IN_PROGRESS again under the new file name, keeping {@code linesDone} so the caller resumes.
     */
    public FileCheckpoint begin(String flow, String fileName, String checksum) {
        boolean inserted = new IdempotentInsert(db).insert(
                "INSERT INTO connector_file_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, 'IN_PROGRESS', 0, ?)",
                "(flow, checksum)", flow, fileName, checksum, db.now());
        if (!inserted) {
            db.jdbc().update("UPDATE connector_file_checkpoint SET status = 'IN_PROGRESS', file_name = ?, updated_at = ? "
                    + "WHERE flow = ? AND checksum = ? AND status <> 'DONE'", fileName, db.now(), flow, checksum);
        }
        FileCheckpoint found = find(flow, checksum).orElseThrow(() -> new IllegalStateException(
                "checkpoint for " + flow + "/" + fileName + " vanished while it was begun"));
        return inserted ? withStarted(found) : found;
    }

    /** Records that the first {@code linesDone} lines are applied. */
    public void progress(String flow, String checksum, long linesDone) {
        update(flow, checksum, "lines_done = ?", linesDone);
    }

    /** The whole file is applied; the same content dropped again will be skipped. */
    public void finish(String flow, String checksum, long linesDone) {
        update(flow, checksum, "status = 'DONE', lines_done = ?", linesDone);
    }

    /** The file could not be read to the end; {@link #begin} with the same content resumes it. */
    public void fail(String flow, String checksum) {
        update(flow, checksum, "status = 'FAILED'");
    }

    public Optional<FileCheckpoint> find(String flow, String checksum) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM connector_file_checkpoint WHERE flow = ? AND checksum = ?",
                ROW, flow, checksum).stream().findFirst();
    }

    /** Newest first, for the operator page. */
    public List<FileCheckpoint> list(String flow, int limit) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM connector_file_checkpoint WHERE flow = ? "
                + "ORDER BY updated_at DESC", ps -> { ps.setString(1, flow); ps.setMaxRows(limit); }, ROW);
    }

    private void update(String flow, String checksum, String set, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = db.now();
        args[values.length + 1] = flow;
        args[values.length + 2] = checksum;
        int rows = db.jdbc().update("UPDATE connector_file_checkpoint SET " + set + ", updated_at = ? "
                + "WHERE flow = ? AND checksum = ?", args);
        if (rows != 1) {
            throw new IllegalStateException("No checkpoint for flow '" + flow + "' and checksum " + checksum
                    + ": call begin() first");
        }
    }

    private static FileCheckpoint withStarted(FileCheckpoint c) {
        return new FileCheckpoint(c.flow(), c.fileName(), c.checksum(), c.status(), c.linesDone(), c.updatedAt(), true);
    }

    private static final RowMapper<FileCheckpoint> ROW = (rs, i) -> new FileCheckpoint(
            rs.getString("flow"), rs.getString("file_name"), rs.getString("checksum"),
            FileCheckpoint.Status.valueOf(rs.getString("status")), rs.getLong("lines_done"),
            StateDatabase.toInstant(rs.getObject("updated_at", LocalDateTime.class)), false);
}
