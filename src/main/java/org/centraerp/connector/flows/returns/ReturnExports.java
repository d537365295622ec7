package org.centraerp.connector.flows.returns;

import java.util.List;
import java.util.Optional;

import org.centraerp.connector.state.StateDatabase;
import org.springframework.dao.DuplicateKeyException;

/**
 * The connector's record of the returns the ERP has (table {@code connector_return_export}): per Centra return and
 * export version, WRITING before the ERP is written and WRITTEN after.
 */
public class ReturnExports {

    /** Export version of a return as registered in Centra. */
    public static final int REGISTERED = 1;
    /** Export version of a completed return. */
    public static final int COMPLETED = 2;

    private final StateDatabase db;

    public ReturnExports(StateDatabase db) {
        this.db = db;
    }

    public Optional<String> state(long returnId, int version) {
        return db.jdbc().queryForList("SELECT state FROM connector_return_export WHERE return_id = ? AND export_version = ?",
                String.class, returnId, version).stream().findFirst();
    }

    /** Records WRITING unless a record is there (a crash's WRITING is finished under it). */
    public void begin(long returnId, int version, long orderNumber) {
        try {
            db.jdbc().update("INSERT INTO connector_return_export (return_id, export_version, order_number, state,"
                    + " created_at, updated_at) VALUES (?, ?, ?, 'WRITING', ?, ?)", returnId, version, orderNumber,
                    db.now(), db.now());
        } catch (DuplicateKeyException alreadyBegun) {
            // a crash or another instance began it: the ERP side is idempotent, write it (again)
        }
    }

    public void written(long returnId, int version, String fileName) {
        db.jdbc().update("UPDATE connector_return_export SET state = 'WRITTEN', file_name = ?, updated_at = ?"
                + " WHERE return_id = ? AND export_version = ?", fileName, db.now(), returnId, version);
    }

    /** Forgets this version of the return (a replayed dead letter), so that it is exported again. */
    public void forget(long returnId, int version) {
        db.jdbc().update("DELETE FROM connector_return_export WHERE return_id = ? AND export_version = ?", returnId,
                version);
    }

    /** Returns the ERP has as registered but not yet as completed: read again until Centra completes them. */
    public List<Long> inProgress() {
        return db.jdbc().queryForList("SELECT r.return_id FROM connector_return_export r WHERE r.export_version = ?"
                + " AND r.state = 'WRITTEN' AND NOT EXISTS (SELECT 1 FROM connector_return_export c"
                + " WHERE c.return_id = r.return_id AND c.export_version = ?) ORDER BY r.return_id",
                Long.class, REGISTERED, COMPLETED);
    }

    /** True when the connector made this Centra return itself from an ERP return file. */
    public boolean madeFromErp(long returnId) {
        Integer count = db.jdbc().queryForObject("SELECT COUNT(*) FROM connector_shipment_progress"
                + " WHERE flow = 'returns' AND centra_id = ?", Integer.class, returnId);
        return count != null && count > 0;
    }
}
