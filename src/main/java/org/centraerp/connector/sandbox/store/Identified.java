package org.centraerp.connector.sandbox.store;

/** A stored row with Centra's integer id. */
public interface Identified {
    int id();
}
