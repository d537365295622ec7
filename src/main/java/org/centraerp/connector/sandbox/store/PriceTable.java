package org.centraerp.connector.sandbox.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prices per pricelist x product, with per-variant overrides, as setPrices writes them. Centra keeps prices per
 * variant (inheriting the product's price), never per size.
 */
public final class PriceTable {

    /** A price and, when it is a sale price, the regular price it was reduced from. */
    public record Price(Money price, Money priceBeforeDiscount) {
    }

    /** A product's price in one pricelist and the variants that differ from it. */
    public record ProductPrice(Price price, Map<Integer, Price> variantPrices) {
        public ProductPrice {
            variantPrices = Map.copyOf(variantPrices);
        }
    }

    private final Map<Long, ProductPrice> prices = new ConcurrentHashMap<>();

    public void put(int pricelistId, int productId, ProductPrice price) {
        prices.put(key(pricelistId, productId), price);
    }

    public Optional<ProductPrice> get(int pricelistId, int productId) {
        return Optional.ofNullable(prices.get(key(pricelistId, productId)));
    }

    /** The price a variant sells at in a pricelist: its own, else its product's. */
    public Optional<Price> variantPrice(int pricelistId, int productId, int variantId) {
        return get(pricelistId, productId).map(p -> p.variantPrices().getOrDefault(variantId, p.price()));
    }

    void clear() {
        prices.clear();
    }

    private static long key(int pricelistId, int productId) {
        return ((long) pricelistId << 32) | (productId & 0xffffffffL);
    }
}
