package org.centraerp.connector.sandbox.store;

/**
 * One size's movement in a stock change: {@code deliveredQuantity} is positive into the line's warehouse and
 * negative out of it; {@code freeToAllocateQuantity} is the size's FTA in that warehouse after the change.
 */
public record StockChangeLine(int id, int stockChangeId, int productSizeId, int warehouseId, int deliveredQuantity,
                              int freeToAllocateQuantity, Money unitCost) implements Identified {
}
