package org.centraerp.connector.state;

import java.util.List;
import java.util.Optional;

/** Polling cursors: where each flow stopped reading (an event id, an updatedAt, a row version). */
public class Watermarks {

    private final StateDatabase db;
    private final String upsert;

    public Watermarks(StateDatabase db) {
        this.db = db;
        this.upsert = db.vendor().upsert("connector_watermark", List.of("flow"), List.of("position", "updated_at"));
    }

    public Optional<String> read(String flow) {
        List<String> found = db.jdbc().queryForList(
                "SELECT position FROM connector_watermark WHERE flow = ?", String.class, flow);
        return found.stream().findFirst();
    }

    /** Sets the flow's position, whatever it was. */
    public void advance(String flow, String position) {
        db.jdbc().update(upsert, flow, position, db.now());
    }

    /**
     * Moves the position only if it still is {@code expected} (empty: no position yet), so two
     * instances polling the same source cannot move it backwards. True if this call moved it.
     */
    public boolean advance(String flow, Optional<String> expected, String next) {
        if (expected.isEmpty()) {
            return new IdempotentInsert(db).insert(
                    "INSERT INTO connector_watermark (flow, position, updated_at) VALUES (?, ?, ?)",
                    "(flow)", flow, next, db.now());
        }
        return db.jdbc().update("UPDATE connector_watermark SET position = ?, updated_at = ? WHERE flow = ? AND position = ?",
                next, db.now(), flow, expected.get()) == 1;
    }

    public boolean reset(String flow) {
        return db.jdbc().update("DELETE FROM connector_watermark WHERE flow = ?", flow) == 1;
    }
}
