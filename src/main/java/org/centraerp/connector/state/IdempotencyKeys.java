package org.centraerp.connector.state;

import java.util.List;
import java.util.Optional;

/**
 * Business keys a flow has applied (order number, file checksum + line, shipment reference).
 * Call {@link #claim} in the same transaction as the ERP-side write: the UNIQUE constraint makes a
 * second claim fail even across instances, and a rollback takes the claim back with the write.
 */
public class IdempotencyKeys {

    private final StateDatabase db;

    public IdempotencyKeys(StateDatabase db) {
        this.db = db;
    }

    /** True the first time a key is claimed in a flow, false ever after. */
    public boolean claim(String flow, String businessKey) {
        return claim(flow, businessKey, null);
    }

    /**
     * True the first time, false when the key is already there (or being claimed by a transaction
     * that then commits: the database makes the second claimer wait for the first).
     * A duplicate does not spoil the caller's transaction on any vendor.
     */
    public boolean claim(String flow, String businessKey, String outcome) {
        return new IdempotentInsert(db).insert(
                "INSERT INTO connector_idempotency_key (flow, business_key, outcome, created_at) VALUES (?, ?, ?, ?)",
                "(flow, business_key)", flow, businessKey, outcome, db.now());
    }

    public boolean isClaimed(String flow, String businessKey) {
        return !db.jdbc().queryForList("SELECT 1 FROM connector_idempotency_key WHERE flow = ? AND business_key = ?",
                Integer.class, flow, businessKey).isEmpty();
    }

    /** The outcome stored with a key (e.g. the Centra shipment id it produced); empty if none. */
    public Optional<String> outcome(String flow, String businessKey) {
        List<String> found = db.jdbc().queryForList(
                "SELECT outcome FROM connector_idempotency_key WHERE flow = ? AND business_key = ?",
                String.class, flow, businessKey);
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    /** Records what applying the key produced; false if the key was never claimed. */
    public boolean recordOutcome(String flow, String businessKey, String outcome) {
        return db.jdbc().update("UPDATE connector_idempotency_key SET outcome = ? WHERE flow = ? AND business_key = ?",
                outcome, flow, businessKey) == 1;
    }

    /** Forgets a key so the record can be applied again (operator replay). */
    public boolean release(String flow, String businessKey) {
        return db.jdbc().update("DELETE FROM connector_idempotency_key WHERE flow = ? AND business_key = ?",
                flow, businessKey) == 1;
    }
}
