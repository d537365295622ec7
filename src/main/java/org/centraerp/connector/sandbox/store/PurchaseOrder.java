package org.centraerp.connector.sandbox.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A purchase order to a supplier: what is ordered, per product size, at which unit cost. Its deliveries
 * ({@link PurchaseOrderDelivery}) bring the goods in; {@code status} is a PurchaseOrderStatus value.
 */
public record PurchaseOrder(int id, int supplierId, String status, Instant createdAt, Instant updatedAt, Instant eta,
                            Instant requestedEtd, Instant confirmedEtd, String internalComment, String externalComment,
                            String ourReference, String currencyIsoCode, Integer preferredWarehouseId,
                            Integer paymentTermsId, String externalId, List<Line> lines) implements Identified {

    /** One ordered product size; {@code customsPercent} is the customs tax given on create. */
    public record Line(int productVariantId, int productSizeId, int quantity, BigDecimal unitCost, String customsType,
                       double customsPercent) {
    }

    public PurchaseOrder withStatus(String newStatus, Instant at) {
        return new PurchaseOrder(id, supplierId, newStatus, createdAt, at, eta, requestedEtd, confirmedEtd,
                internalComment, externalComment, ourReference, currencyIsoCode, preferredWarehouseId, paymentTermsId,
                externalId, lines);
    }
}
