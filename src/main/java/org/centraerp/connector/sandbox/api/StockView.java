package org.centraerp.connector.sandbox.api;

import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.StockLevel;

/** One Stock row: a product size in a warehouse, with its quantities. */
public record StockView(ProductSize size, ProductVariant variant, int warehouseId, StockLevel level) {

    public int physicalQuantity() {
        return level.physical();
    }

    public int allocatedQuantity() {
        return level.allocated();
    }

    public int freeToAllocateQuantity() {
        return level.freeToAllocate();
    }

    public int demandQuantity() {
        return 0;
    }

    public int unshippedQuantity() {
        return level.allocated();
    }

    public int availableNowQuantity() {
        return level.freeToAllocate();
    }

    public int availableQuantity() {
        return level.freeToAllocate();
    }

    public int incomingQuantity() {
        return 0;
    }

    public int linkedIncomingQuantity() {
        return 0;
    }

    public int unlinkedIncomingQuantity() {
        return 0;
    }

    public int onDeliveryQuantity() {
        return 0;
    }
}
