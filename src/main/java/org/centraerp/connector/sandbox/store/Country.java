package org.centraerp.connector.sandbox.store;

public record Country(int id, String name, String code) implements Identified {
}
