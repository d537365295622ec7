package org.centraerp.connector.flows.prices;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;

/**
 * Variants that sell at a price they were not given: Centra keeps a price per product (the lowest of the file's
 * variants, sale price included) with the file's variants as overrides, so a variant of the same product without a
 * row of its own for the pricelist takes the product price. The price report lists them as {@code inherited}.
 */
final class InheritedPrices {

    /** One variant without a price of its own, and whose price it sells at. */
    record Inherited(String key, String pricelist, String reason) {
    }

    private static final int PRODUCTS_PER_QUERY = 100;

    private InheritedPrices() {
    }

    /** @param set per pricelist, the products whose prices were just set (variant id → row) */
    static List<Inherited> of(CentraClient centra, Map<Long, List<Map<Long, PriceRow>>> set) {
        Set<Long> productIds = new LinkedHashSet<>();
        set.values().forEach(products -> products.forEach(v -> productIds.add(v.values().iterator().next().productId())));
        Map<Long, JsonNode> variants = variantsOf(centra, new ArrayList<>(productIds));
        List<Inherited> inherited = new ArrayList<>();
        set.forEach((pricelist, products) -> {
            for (Map<Long, PriceRow> priced : products) {
                PriceRow lowest = priced.values().stream().min(Comparator.comparing(PriceRow::price)).orElseThrow();
                JsonNode product = variants.get(lowest.productId());
                if (product == null) {
                    continue;
                }
                for (JsonNode variant : product.path("variants")) {
                    if (!priced.containsKey(variant.path("id").asLong())) {
                        inherited.add(new Inherited(key(product, variant), lowest.pricelistName(), reason(lowest)));
                    }
                }
            }
        });
        return inherited;
    }

    private static Map<Long, JsonNode> variantsOf(CentraClient centra, List<Long> productIds) {
        Map<Long, JsonNode> products = new LinkedHashMap<>();
        for (int from = 0; from < productIds.size(); from += PRODUCTS_PER_QUERY) {
            List<Long> chunk = productIds.subList(from, Math.min(productIds.size(), from + PRODUCTS_PER_QUERY));
            centra.query("prices/priceProductVariants", Map.of("ids", chunk, "limit", chunk.size())).data()
                    .path("products").forEach(p -> products.put(p.path("id").asLong(), p));
        }
        return products;
    }

    private static String key(JsonNode product, JsonNode variant) {
        List<String> sizes = new ArrayList<>();
        variant.path("productSizes").forEach(size -> sizes.add(size.path("SKU").asText("")));
        String skus = sizes.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        return skus.isEmpty() ? product.path("productNumber").asText() + "|" + variant.path("variantNumber").asText()
                : skus;
    }

    private static String reason(PriceRow lowest) {
        String price = lowest.price().toPlainString() + " " + lowest.currency();
        return "no price of its own in this file: sells at the product's price " + price
                + (lowest.priceBeforeDiscount() == null ? ""
                : " (a sale price, before " + lowest.priceBeforeDiscount().toPlainString() + ")")
                + ", that of " + lowest.key() + " on line " + lowest.line();
    }
}
