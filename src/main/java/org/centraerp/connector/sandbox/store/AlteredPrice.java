package org.centraerp.connector.sandbox.store;

/** A product's price in one pricelist from a price alteration's start date on (setAlteredPrices). */
public record AlteredPrice(int id, int priceAlterationId, int pricelistId, int productId, Money price,
                           Money priceBeforeDiscount) implements Identified {
}
