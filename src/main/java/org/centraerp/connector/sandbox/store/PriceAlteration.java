package org.centraerp.connector.sandbox.store;

import java.time.Instant;

/** A price alteration: a store's set of future prices, active from {@code startDate}. */
public record PriceAlteration(int id, String name, Status status, int storeId, Instant startDate)
        implements Identified {
}
