package org.centraerp.connector.sandbox.store;

/**
 * An activated size of a variant: the unit stock, prices of orders and EAN/SKU refer to. Stock per warehouse is
 * kept elsewhere, keyed by this id.
 */
public record ProductSize(int id, int productVariantId, int sizeId, String ean, String upc, String sizeNumber,
                          String comment, boolean preorder, boolean isActive) implements Identified {
}
