package org.centraerp.connector.flows.prices;

import java.math.BigDecimal;

/**
 * One mapped price row, resolved to Centra ids.
 *
 * @param key                 what the row names (SKU or product|variant), for the report
 * @param pricelistName       the Centra pricelist's name, for the report
 * @param price               what the variant sells at (the sale price when there is one)
 * @param priceBeforeDiscount the regular price when {@code price} is a sale price, else null
 */
record PriceRow(long line, String key, long pricelistId, String pricelistName, long productId, long variantId, String currency,
                BigDecimal price, BigDecimal priceBeforeDiscount) {

    /** What was sent for this variant in this pricelist, compared on the next import. */
    String sentValue() {
        return currency + "|" + price.stripTrailingZeros().toPlainString() + "|"
                + (priceBeforeDiscount == null ? "" : priceBeforeDiscount.stripTrailingZeros().toPlainString());
    }

    String sentKey() {
        return pricelistId + ":" + variantId;
    }

    boolean samePriceAs(PriceRow other) {
        return sentValue().equals(other.sentValue());
    }
}
