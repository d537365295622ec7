package org.centraerp.connector.sandbox.store;

/** A category of a store's shop tree; {@code parentId} null for a top category. */
public record Category(int id, String name, String uri, Status status, int storeId, Integer parentId, int customOrder)
        implements Identified {
}
