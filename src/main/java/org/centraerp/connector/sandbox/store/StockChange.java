package org.centraerp.connector.sandbox.store;

import java.time.Instant;
import java.util.List;

/**
 * A stock change (Centra's former "warehouse delivery"): made by changeStock and setStock. {@code comment} is the
 * mutation's {@code description}.
 */
public record StockChange(int id, Instant createdAt, String comment, StockChangeType type, Integer warehouseId,
                          List<StockChangeLine> lines) implements Identified {
}
