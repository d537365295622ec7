package org.centraerp.connector.sandbox.store;

public record ShippingOption(int id, String name) implements Identified {
}
