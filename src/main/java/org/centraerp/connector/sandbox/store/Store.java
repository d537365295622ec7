package org.centraerp.connector.sandbox.store;

/** A Centra store: one DIRECT_TO_CONSUMER (retail) or WHOLESALE sales channel. */
public record Store(int id, String name, StoreType type) implements Identified {
}
