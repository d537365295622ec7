package org.centraerp.connector.sandbox.store;

/** Kind of a stock change; Centra's values are not published, see the schema's guess note. */
public enum StockChangeType {
    /** changeStock into a warehouse */
    DELIVERY,
    /** changeStock out from a warehouse */
    REMOVAL,
    /** changeStock out from one warehouse into another */
    TRANSFER,
    /** setStock: absolute levels, the lines hold the differences */
    CORRECTION
}
