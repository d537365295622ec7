package org.centraerp.connector.sandbox.store;

public record Currency(int id, String name, String code, boolean isBase) implements Identified {
}
