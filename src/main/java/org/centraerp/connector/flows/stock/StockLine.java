package org.centraerp.connector.flows.stock;

/**
 * One usable line of a stock file: a size (by SKU or EAN) in a Centra warehouse.
 *
 * @param line          line number in the file (the header is line 1), for the report
 * @param key           the size's SKU or EAN
 * @param warehouse     the ERP's warehouse code as written in the file, for the report
 * @param warehouseId   the Centra warehouse id
 * @param quantity      absolute mode: physical stock (>= 0); delta mode: movement (+ into, - out of)
 */
public record StockLine(long line, String key, String warehouse, int warehouseId, int quantity) {

    /** What {@link org.centraerp.connector.state.SentValues} remembers this size × warehouse by. */
    String sizeInWarehouse(String productKey) {
        return warehouseId + "|" + productKey + ":" + key;
    }
}
