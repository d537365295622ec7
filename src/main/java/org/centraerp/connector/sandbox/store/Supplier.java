package org.centraerp.connector.sandbox.store;

/** A supplier of the Supplier Module; its purchase orders are in its currency. */
public record Supplier(int id, String name, int currencyId, String externalId) implements Identified {
}
