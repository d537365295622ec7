package org.centraerp.connector.sandbox.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * A line of an order. {@code quantity} is what remains ordered; cancelling moves units to
 * {@code cancelledQuantity}. {@code allocations} say which warehouses hold the remaining units.
 */
public record OrderLine(int id, int productSizeId, Integer displayId, int quantity, int cancelledQuantity,
                        BigDecimal unitPrice, BigDecimal unitOriginalPrice, BigDecimal taxPercent,
                        List<Allocation> allocations) {

    /** Units of the line held in one warehouse. */
    public record Allocation(int warehouseId, int quantity) {
    }

    public BigDecimal lineValue() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
