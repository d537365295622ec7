package org.centraerp.connector.sandbox.store;

public record Size(int id, String name) implements Identified {
}
