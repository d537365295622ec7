package org.centraerp.connector.state;

import java.time.Instant;

/**
 * A record that failed, kept for the operator and for replay.
 *
 * @param id            assigned by the database ({@code null} before {@link DeadLetters#record})
 * @param source        where it came from: {@code stock.csv line 14}, {@code event 4711}
 * @param businessKey   the key that identifies it in its flow (SKU, order number), if any
 * @param reason        what went wrong, in words an operator can act on
 * @param payload       the record as received, so it can be replayed after a fix
 * @param replayedAt    when it was replayed; {@code null} while open
 * @param discardedAt   when the operator discarded it instead; {@code null} unless discarded
 * @param discardReason why it was discarded
 */
public record DeadLetter(Long id, String flow, String source, String businessKey, String reason, String payload,
                         Instant createdAt, Instant replayedAt, Instant discardedAt, String discardReason) {

    public static DeadLetter of(String flow, String source, String businessKey, String reason, String payload) {
        return new DeadLetter(null, flow, source, businessKey, reason, payload, null, null, null, null);
    }

    public boolean isOpen() {
        return replayedAt == null && discardedAt == null;
    }

    /** open, replayed or discarded. */
    public String state() {
        return replayedAt != null ? "replayed" : discardedAt != null ? "discarded" : "open";
    }
}
