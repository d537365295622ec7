package org.centraerp.connector.sandbox.store;

import java.time.Instant;

/** A direct-to-consumer customer; fields beyond the name and email are optional in seeds. */
public record Customer(int id, String email, String firstName, String lastName, Status status, String phoneNumber,
                       String cellPhoneNumber, Integer countryId, Integer storeId, Integer marketId,
                       Integer pricelistId, Integer languageId, boolean newsletter, String externalId,
                       Instant createdAt, Instant updatedAt) implements Identified {

    public Customer {
        status = status == null ? Status.ACTIVE : status;
        createdAt = createdAt == null ? Instant.EPOCH : createdAt;
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }
}
