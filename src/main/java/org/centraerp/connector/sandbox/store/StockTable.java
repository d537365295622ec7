package org.centraerp.connector.sandbox.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Stock per product size x warehouse. Rows are immutable {@link StockLevel}s replaced whole under
 * {@link SandboxData#write}; a size without a row has nothing in that warehouse.
 */
public final class StockTable {

    private final ConcurrentHashMap<Long, StockLevel> levels = new ConcurrentHashMap<>();

    private static long key(int productSizeId, int warehouseId) {
        return ((long) productSizeId << 32) | (warehouseId & 0xffffffffL);
    }

    public StockLevel get(int productSizeId, int warehouseId) {
        StockLevel level = levels.get(key(productSizeId, warehouseId));
        return level != null ? level : StockLevel.none(productSizeId, warehouseId);
    }

    public void put(StockLevel level) {
        levels.put(key(level.productSizeId(), level.warehouseId()), level);
    }

    public Stream<StockLevel> stream() {
        return levels.values().stream();
    }

    void clear() {
        levels.clear();
    }
}
