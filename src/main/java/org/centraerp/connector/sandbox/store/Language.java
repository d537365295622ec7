package org.centraerp.connector.sandbox.store;

/** A language texts can be translated into, e.g. {@code sv} Swedish. */
public record Language(int id, String name, String code, boolean isDefault) implements Identified {
}
