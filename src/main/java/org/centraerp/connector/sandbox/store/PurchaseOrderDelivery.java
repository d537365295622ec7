package org.centraerp.connector.sandbox.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A delivery of a purchase order (an "indelivery"): incoming stock until it is accepted, then INSERTED with the
 * stock change that put its lines into {@code warehouseId}. {@code status} is a PurchaseOrderDeliveryStatus value.
 */
public record PurchaseOrderDelivery(int id, String number, int purchaseOrderId, String status, Instant createdAt,
                                    Instant exFactoryDate, Instant eta, Money shippingCost, Money otherCosts,
                                    String shippingDistributionMethod, Integer adminUserId, Integer warehouseId,
                                    Integer stockChangeId, List<Line> lines) implements Identified {

    public static final String PENDING = "PENDING";
    public static final String INSERTED = "INSERTED";

    /** One delivered product size; {@code orderLineIds} are the order lines a linked line is for. */
    public record Line(int productVariantId, int productSizeId, int quantity, BigDecimal unitCost, String customsType,
                       double customsPercent, List<Integer> orderLineIds) {
    }

    public PurchaseOrderDelivery accepted(int intoWarehouseId, int changeId) {
        return new PurchaseOrderDelivery(id, number, purchaseOrderId, INSERTED, createdAt, exFactoryDate, eta,
                shippingCost, otherCosts, shippingDistributionMethod, adminUserId, intoWarehouseId, changeId, lines);
    }
}
