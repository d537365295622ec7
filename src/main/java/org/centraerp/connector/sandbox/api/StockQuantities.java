package org.centraerp.connector.sandbox.api;

import org.centraerp.connector.sandbox.store.StockLevel;

/**
 * Centra's Stock and StockTotals quantities from physical and allocated stock and what open purchase orders bring
 * ({@code incoming}, all of it unlinked: purchase order lines are not linked to order lines). The sandbox has no
 * backorders or preorders: demand is 0, and available = availableNow = free to allocate (incoming stock is not
 * sold ahead).
 */
public record StockQuantities(int physicalQuantity, int allocatedQuantity, int incoming) {

    public StockQuantities(int physicalQuantity, int allocatedQuantity) {
        this(physicalQuantity, allocatedQuantity, 0);
    }

    static StockQuantities of(StockLevel level) {
        return new StockQuantities(level.physical(), level.allocated());
    }

    StockQuantities plus(StockLevel level) {
        return plus(level, 0);
    }

    StockQuantities plus(StockLevel level, int incomingUnits) {
        return new StockQuantities(physicalQuantity + level.physical(), allocatedQuantity + level.allocated(),
                incoming + incomingUnits);
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
