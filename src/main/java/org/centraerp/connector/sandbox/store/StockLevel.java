package org.centraerp.connector.sandbox.store;

/**
 * Stock of one product size in one warehouse. Physical = free to allocate + allocated, as Centra defines it;
 * allocated is what orders hold and is not shipped yet.
 */
public record StockLevel(int productSizeId, int warehouseId, int physical, int allocated) {

    public static StockLevel none(int productSizeId, int warehouseId) {
        return new StockLevel(productSizeId, warehouseId, 0, 0);
    }

    public int freeToAllocate() {
        return physical - allocated;
    }

    public StockLevel withPhysical(int quantity) {
        return new StockLevel(productSizeId, warehouseId, quantity, allocated);
    }

    public StockLevel withAllocated(int quantity) {
        return new StockLevel(productSizeId, warehouseId, physical, quantity);
    }
}
