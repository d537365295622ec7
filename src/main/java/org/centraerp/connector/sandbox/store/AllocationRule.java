package org.centraerp.connector.sandbox.store;

public record AllocationRule(int id, String name) implements Identified {
}
