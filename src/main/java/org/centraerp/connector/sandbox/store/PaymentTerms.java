package org.centraerp.connector.sandbox.store;

/** Payment terms a B2B account can have, e.g. "30 days net". */
public record PaymentTerms(int id, String description) implements Identified {
}
