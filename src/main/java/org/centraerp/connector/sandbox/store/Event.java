package org.centraerp.connector.sandbox.store;

import java.time.Instant;

/**
 * An entry of the Integration API's event queue: which object changed how. {@code objectReference} is the
 * object's id as text (an order's hash id).
 */
public record Event(int id, String objectType, String changeType, String objectReference, Integer storeId,
                    Integer marketId, Instant createdAt) implements Identified {
}
