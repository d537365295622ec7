package org.centraerp.connector.sandbox.store;

import java.time.Instant;

/** A person who orders for a B2B {@link Account} in a wholesale store. */
public record Buyer(int id, int accountId, int storeId, Status status, String websiteUrl, boolean receiveAutoEmails,
                    boolean receiveNewsletters, Address billingAddress, String externalId, Instant createdAt)
        implements Identified {

    public Buyer {
        createdAt = createdAt == null ? Instant.EPOCH : createdAt;
    }
}
