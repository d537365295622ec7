package org.centraerp.connector.sandbox.store;

import java.time.Instant;

/**
 * A direct-to-consumer customer; fields beyond the name and email are optional in seeds.
 *
 * @param updatedAt when it last changed (guess: Centra's name); seeded customers changed at {@link #SEEDED}
 */
public record Customer(int id, String email, String firstName, String lastName, Status status, String phoneNumber,
                       String cellPhoneNumber, Integer countryId, Integer storeId, Integer marketId,
                       Integer pricelistId, Integer languageId, boolean newsletter, String externalId,
                       Instant createdAt, Instant updatedAt) implements Identified {

    /** When the seeded customers last changed. */
    public static final Instant SEEDED = Instant.parse("2024-01-15T09:00:00Z");

    public Customer {
        status = status == null ? Status.ACTIVE : status;
        createdAt = createdAt == null ? Instant.EPOCH : createdAt;
        updatedAt = updatedAt == null ? SEEDED : updatedAt;
    }

    /** The same customer changed now: new details, updatedAt moved on. */
    public Customer changed(String newEmail, String newFirstName, String newLastName, Instant at) {
        return new Customer(id, newEmail, newFirstName, newLastName, status, phoneNumber, cellPhoneNumber, countryId,
                storeId, marketId, pricelistId, languageId, newsletter, externalId, createdAt, at);
    }
}
