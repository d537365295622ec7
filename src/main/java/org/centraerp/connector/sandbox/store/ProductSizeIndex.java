package org.centraerp.connector.sandbox.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Lookups of product sizes by SKU, EAN, UPC and (variant, size), for batch stock mutations that name thousands of
 * sizes. Built from the catalogue tables and rebuilt by {@link SandboxData#productSizeIndex()} when they change.
 */
public final class ProductSizeIndex {

    private final long version;
    private final Map<String, Integer> bySku = new HashMap<>();
    private final Map<String, Integer> byEan = new HashMap<>();
    private final Map<String, Integer> byUpc = new HashMap<>();
    private final Map<Long, Integer> byVariantAndSize = new HashMap<>();

    ProductSizeIndex(SandboxData data, long version) {
        this.version = version;
        for (ProductSize size : data.productSizes.all()) {
            ProductVariant variant = data.productVariants.find(size.productVariantId()).orElse(null);
            Product product = variant == null ? null : data.products.find(variant.productId()).orElse(null);
            if (product != null) {
                bySku.putIfAbsent(sku(product, variant, size), size.id());
            }
            if (size.ean() != null && !size.ean().isEmpty()) {
                byEan.putIfAbsent(size.ean(), size.id());
            }
            if (size.upc() != null && !size.upc().isEmpty()) {
                byUpc.putIfAbsent(size.upc(), size.id());
            }
            byVariantAndSize.put(key(size.productVariantId(), size.sizeId()), size.id());
        }
    }

    long version() {
        return version;
    }

    /** Product number + variant number + size number, as Centra's ERP guide describes the SKU. */
    public static String sku(Product product, ProductVariant variant, ProductSize size) {
        return Objects.toString(product.productNumber(), "") + Objects.toString(variant.variantNumber(), "")
                + Objects.toString(size.sizeNumber(), "");
    }

    public Integer bySku(String sku) {
        return sku == null ? null : bySku.get(sku);
    }

    public Integer byEan(String ean) {
        return ean == null ? null : byEan.get(ean);
    }

    public Integer byUpc(String upc) {
        return upc == null ? null : byUpc.get(upc);
    }

    /** Centra's {@code any}: SKU, EAN or UPC, never an id. */
    public Integer byAny(String any) {
        Integer found = bySku(any);
        if (found == null) {
            found = byEan(any);
        }
        return found != null ? found : byUpc(any);
    }

    /** The activated product size of {@code sizeId} on the variant, or null. */
    public Integer of(int productVariantId, int sizeId) {
        return byVariantAndSize.get(key(productVariantId, sizeId));
    }

    private static long key(int variantId, int sizeId) {
        return ((long) variantId << 32) | (sizeId & 0xffffffffL);
    }
}
