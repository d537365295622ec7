package org.centraerp.connector.sandbox.store;

public record Customer(int id, String email, String firstName, String lastName) implements Identified {
}
