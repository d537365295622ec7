package org.centraerp.connector.sandbox.store;

import java.time.Instant;
import java.util.List;

/**
 * Returned units of a completed shipment; {@code restocked} says whether they went back to the warehouse.
 * Created IN_PROGRESS, then completed.
 */
public record Return(int id, int shipmentId, int orderNumber, String externalId, List<Line> lines,
                     boolean restocked, String comment, boolean completed, Instant createdAt,
                     Instant completedAt) implements Identified {

    /** Units of one shipment line returned. */
    public record Line(int id, int shipmentLineId, int quantity) {
    }

    public int quantityOf(int shipmentLineId) {
        return lines.stream().filter(l -> l.shipmentLineId() == shipmentLineId).mapToInt(Line::quantity).sum();
    }

    public Return completed(Instant at) {
        return new Return(id, shipmentId, orderNumber, externalId, lines, restocked, comment, true, createdAt, at);
    }
}
