package org.centraerp.connector.sandbox.api;

import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.StockLevel;

/** One Stock row: a product size in a warehouse, with its quantities; {@code incoming} is from purchase orders. */
public record StockView(ProductSize size, ProductVariant variant, int warehouseId, StockLevel level, int incoming) {

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
        return incoming;
    }

    public int linkedIncomingQuantity() {
        return 0;
    }

    public int unlinkedIncomingQuantity() {
        return incoming;
    }

    public int onDeliveryQuantity() {
        return 0;
    }
}
