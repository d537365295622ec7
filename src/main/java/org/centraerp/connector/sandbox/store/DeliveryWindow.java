package org.centraerp.connector.sandbox.store;

import java.time.Instant;
import java.util.List;

/**
 * A B2B delivery window: at once (stock now or within {@code daysFromNow} days) or pre-order (fixed sales and delivery
 * date ranges), with the variants it sells.
 */
public record DeliveryWindow(int id, String name, Status status, boolean preorder, boolean deliveryDatesVisible,
                             boolean selectableByBuyers, boolean selectedByDefault, String defaultVariantDeliveryType,
                             Integer allocationRuleId, List<Integer> marketIds, Integer daysFromNow,
                             boolean selectableDate, String allocationOrder, Instant deliveryStartDate,
                             Instant deliveryEndDate, Instant salesStartDate, Instant salesEndDate,
                             List<Variant> variants, String externalId) implements Identified {

    public DeliveryWindow {
        marketIds = marketIds == null ? List.of() : List.copyOf(marketIds);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** A variant sold in the window, with its delivery type and an optional quantity limit. */
    public record Variant(int productVariantId, String type, Limit limit) {
    }

    /** Centra's variant limit: {@code value}, {@code type} (HIGH ...) and what it counts {@code on}. */
    public record Limit(int value, String type, String on) {
    }

    public DeliveryWindow withVariants(List<Variant> newVariants) {
        return new DeliveryWindow(id, name, status, preorder, deliveryDatesVisible, selectableByBuyers,
                selectedByDefault, defaultVariantDeliveryType, allocationRuleId, marketIds, daysFromNow,
                selectableDate, allocationOrder, deliveryStartDate, deliveryEndDate, salesStartDate, salesEndDate,
                newVariants, externalId);
    }
}
