package org.centraerp.connector.sandbox.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order of a direct-to-consumer or wholesale store. {@code id} is Centra's 32-hex hash, {@code number} the
 * integer shown in the AMS; both identify the order. Immutable: a change replaces the order in {@link OrderTable}.
 */
public record Order(String id, int number, StoreType storeType, int storeId, Integer marketId, Integer pricelistId,
                    String currency, OrderStatus status, boolean isLocked, boolean isOnHold, boolean isInternal,
                    Integer customerId, Address shippingAddress, Address billingAddress, List<OrderLine> lines,
                    BigDecimal shippingValue, String purchaseOrderNumber, String internalComment,
                    String cancellationComment, Instant createdAt, Instant updatedAt, Instant orderDate) {

    public Order with(OrderStatus newStatus, Instant at) {
        return new Order(id, number, storeType, storeId, marketId, pricelistId, currency, newStatus, isLocked,
                isOnHold, isInternal, customerId, shippingAddress, billingAddress, lines, shippingValue,
                purchaseOrderNumber, internalComment, cancellationComment, createdAt, at, orderDate);
    }

    public Order withLock(boolean locked, Instant at) {
        return new Order(id, number, storeType, storeId, marketId, pricelistId, currency, status, locked,
                isOnHold, isInternal, customerId, shippingAddress, billingAddress, lines, shippingValue,
                purchaseOrderNumber, internalComment, cancellationComment, createdAt, at, orderDate);
    }

    /** Everything an update mutation may change at once. */
    public Order updated(boolean onHold, boolean internal, Integer customer, Address shipping, Address billing,
                         List<OrderLine> newLines, String poNumber, String comment, String cancellation,
                         Instant at) {
        return new Order(id, number, storeType, storeId, marketId, pricelistId, currency, status, isLocked,
                onHold, internal, customer, shipping, billing, newLines, shippingValue, poNumber, comment,
                cancellation, createdAt, at, orderDate);
    }

    public Order withLines(List<OrderLine> newLines, String cancellation, OrderStatus newStatus, Instant at) {
        return new Order(id, number, storeType, storeId, marketId, pricelistId, currency, newStatus, isLocked,
                isOnHold, isInternal, customerId, shippingAddress, billingAddress, newLines, shippingValue,
                purchaseOrderNumber, internalComment, cancellation, createdAt, at, orderDate);
    }
}
