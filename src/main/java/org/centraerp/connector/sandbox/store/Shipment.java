package org.centraerp.connector.sandbox.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A shipment of (part of) an order: its lines ship quantities of order lines. Created, then paid (captured in
 * Centra or marked paid), then completed ({@code isShipped}) with tracking. Immutable: a change replaces the row.
 */
public record Shipment(int id, String number, int orderNumber, String externalId, List<Line> lines,
                       boolean isGoodToGo, boolean isPaid, Instant paidAt, boolean isCaptured, Instant capturedAt,
                       boolean isShipped, Instant shippedAt, Info info, String additionalMessage,
                       Instant createdAt, Instant updatedAt) implements Identified {

    /** Units of one order line in this shipment. */
    public record Line(int id, int orderLineId, int quantity) {
    }

    /** Carrier and tracking, as set by shipmentInfo. */
    public record Info(String carrier, String service, int packages, String trackingNumber,
                       String returnTrackingNumber, BigDecimal internalShippingCost) {
        public static final Info NONE = new Info(null, null, 0, null, null, null);
    }

    public int quantityOf(int orderLineId) {
        return lines.stream().filter(l -> l.orderLineId() == orderLineId).mapToInt(Line::quantity).sum();
    }

    public Shipment withPayment(boolean paid, Instant paidOn, boolean captured, Instant capturedOn, Instant at) {
        return new Shipment(id, number, orderNumber, externalId, lines, isGoodToGo, paid, paidOn, captured,
                capturedOn, isShipped, shippedAt, info, additionalMessage, createdAt, at);
    }

    public Shipment updated(String newExternalId, boolean goodToGo, Info newInfo, String message, Instant at) {
        return new Shipment(id, number, orderNumber, newExternalId, lines, goodToGo, isPaid, paidAt, isCaptured,
                capturedAt, isShipped, shippedAt, newInfo, message, createdAt, at);
    }

    public Shipment shipped(Instant shippedOn, Info newInfo, String message, Instant at) {
        return new Shipment(id, number, orderNumber, externalId, lines, isGoodToGo, isPaid, paidAt, isCaptured,
                capturedAt, true, shippedOn, newInfo, message, createdAt, at);
    }
}
