package org.centraerp.connector.sandbox.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A B2B account (a retailer) of a wholesale store: its market, pricelist and discounts; its buyers are {@link Buyer}s.
 *
 * @param deliveryWindowDiscounts discount percent by delivery window id
 */
public record Account(int id, String name, Status status, double discountPercent, boolean isDiscountVisible,
                      Integer marketId, Integer pricelistId, Integer allocationRuleId, Integer paymentTermsId,
                      Map<Integer, Double> deliveryWindowDiscounts, String internalComment, String otherComment,
                      String websiteUrl, String vatNumber, boolean isInternal, String externalId, Instant createdAt,
                      Instant updatedAt) implements Identified {

    public Account {
        deliveryWindowDiscounts = deliveryWindowDiscounts == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deliveryWindowDiscounts));
        createdAt = createdAt == null ? Instant.EPOCH : createdAt;
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }
}
