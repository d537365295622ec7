package org.centraerp.connector.sandbox.store;

import java.time.Instant;

/**
 * A customer of the demo store.
 *
 * @param updatedAt when it last changed (guess: Centra's name); seeded customers changed at {@link #SEEDED}
 */
public record Customer(int id, String email, String firstName, String lastName, Instant updatedAt)
        implements Identified {

    /** When the seeded customers last changed. */
    public static final Instant SEEDED = Instant.parse("2024-01-15T09:00:00Z");

    public Customer {
        updatedAt = updatedAt == null ? SEEDED : updatedAt;
    }

    /** The same customer changed now: new details, updatedAt moved on. */
    public Customer changed(String newEmail, String newFirstName, String newLastName, Instant at) {
        return new Customer(id, newEmail, newFirstName, newLastName, at);
    }
}
