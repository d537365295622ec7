package org.centraerp.connector.sandbox.store;

import java.time.Instant;

public record ProductVariant(int id, int productId, String name, Status status, String variantNumber,
                             String internalName, Money unitCost, Integer sizeChartId, String externalId,
                             Instant updatedAt) implements Identified {
}
