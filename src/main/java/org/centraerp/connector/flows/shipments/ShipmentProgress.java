package org.centraerp.connector.flows.shipments;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.centraerp.connector.state.StateDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * How far each ERP shipment or return got in Centra (table {@code connector_shipment_progress}, see
 * V4__shipments.sql): keyed by flow and ERP reference, so the same reference always continues the same Centra object.
 */
public class ShipmentProgress {

    public enum Step { CREATING, CREATED, PAID, COMPLETED }

    /** One ERP reference's progress; {@code centraId} is null while CREATING. */
    public record Entry(String flow, String reference, long orderNumber, Long centraId, Step step) {
    }

    private static final RowMapper<Entry> ROW = (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getLong(3),
            rs.getObject(4) == null ? null : rs.getLong(4), Step.valueOf(rs.getString(5)));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ShipmentProgress(StateDatabase db, Clock clock) {
        this.jdbc = db.jdbc();
        this.clock = clock;
    }

    public Optional<Entry> find(String flow, String reference) {
        return jdbc.query("SELECT flow, erp_reference, order_number, centra_id, step FROM connector_shipment_progress"
                + " WHERE flow = ? AND erp_reference = ?", ROW, flow, reference).stream().findFirst();
    }

    /** Records that the create mutation is about to be sent (kept if a row is there already). */
    public void creating(String flow, String reference, long orderNumber) {
        try {
            jdbc.update("INSERT INTO connector_shipment_progress (flow, erp_reference, order_number, centra_id, step,"
                    + " created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?)", flow, reference, orderNumber,
                    Step.CREATING.name(), now(), now());
        } catch (DuplicateKeyException e) {
            // another attempt got here first: it is CREATING or further, which the caller looked up before
        }
    }

    /** Moves to {@code step}, with Centra's id once it is known. */
    public void step(String flow, String reference, Step step, long centraId) {
        jdbc.update("UPDATE connector_shipment_progress SET step = ?, centra_id = ?, updated_at = ?"
                + " WHERE flow = ? AND erp_reference = ?", step.name(), centraId, now(), flow, reference);
    }

    /** Forgets a reference whose create Centra refused (nothing was made): a corrected file may try again. */
    public void forget(String flow, String reference) {
        jdbc.update("DELETE FROM connector_shipment_progress WHERE flow = ? AND erp_reference = ? AND step = ?",
                flow, reference, Step.CREATING.name());
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}
