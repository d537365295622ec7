package org.centraerp.connector.sandbox.store;

public record Collection(int id, String name, Status status, String externalId) implements Identified {
}
