package org.centraerp.connector.sandbox.api;

import org.centraerp.connector.sandbox.store.StockLevel;

/**
 * Centra's Stock and StockTotals quantities from physical and allocated stock. The sandbox has no backorders,
 * preorders or purchase orders: demand and incoming are 0, so available = availableNow = free to allocate.
 */
public record StockQuantities(int physicalQuantity, int allocatedQuantity) {

    static StockQuantities of(StockLevel level) {
        return new StockQuantities(level.physical(), level.allocated());
    }

    StockQuantities plus(StockLevel level) {
        return new StockQuantities(physicalQuantity + level.physical(), allocatedQuantity + level.allocated());
    }

    public int freeToAllocateQuantity() {
        return physicalQuantity - allocatedQuantity;
    }

    public int demandQuantity() {
        return 0;
    }

    public int unshippedQuantity() {
        return allocatedQuantity;
    }

    public int availableNowQuantity() {
        return freeToAllocateQuantity();
    }

    public int availableQuantity() {
        return freeToAllocateQuantity();
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
