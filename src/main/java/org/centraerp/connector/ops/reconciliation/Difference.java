package org.centraerp.connector.ops.reconciliation;

/**
 * One thing that differs between the ERP (as the connector last gave or got it) and Centra now.
 *
 * @param kind   stock, orders or catalogue
 * @param key    what differs: {@code 1|SKU:SWEATER-RED-S} (warehouse 1), order {@code 4711}, {@code Product SWEATER}
 * @param erp    the ERP's side (a quantity, an export version), empty when it has none
 * @param centra Centra's side now, empty when it has none
 * @param what   the difference in words: {@code changed in Centra}, {@code missing in the ERP}, …
 */
public record Difference(String kind, String key, String erp, String centra, String what) {
}
