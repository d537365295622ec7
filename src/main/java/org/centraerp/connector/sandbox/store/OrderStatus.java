package org.centraerp.connector.sandbox.store;

/** Centra's order statuses; SHIPPED is the AMS's "Completed". Hold is a flag, not a status. */
public enum OrderStatus {
    PENDING, CONFIRMED, PROCESSING, SHIPPED, CANCELLED
}
