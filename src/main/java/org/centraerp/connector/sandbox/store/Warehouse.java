package org.centraerp.connector.sandbox.store;

/**
 * A warehouse. Stock per product size lives in its own table (added with the stock flows), keyed by size and
 * warehouse, so this record stays small.
 */
public record Warehouse(int id, String name, Status status, boolean isHiddenFromStockView, int threshold,
                        String stockMaster, String stockOwnership, String allocationPolicy, boolean isConsignation,
                        Integer countryId, String externalId) implements Identified {
}
