package org.centraerp.connector.flows.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of the product flow's mutations, built from mapped rows: what {@link ProductGroupSync} sends and
 * what {@code preview products} ({@link ProductPreview}) prints, so the two never differ. Names (size chart, brand,
 * collection, folder) become ids through {@link CatalogueNames}: created when missing by the flow, placeholders in
 * a preview. Ids of objects the preview would create are placeholder texts too, hence {@code Object} ids.
 */
final class ProductInputs {

    private final CatalogueNames names;
    private final Map<String, List<String>> chartSizes;

    /** @param chartSizes the sizes each size chart of the file uses: a missing chart is created with them */
    ProductInputs(CatalogueNames names, Map<String, List<String>> chartSizes) {
        this.names = names;
        this.chartSizes = chartSizes;
    }

    /** Rows whose size the variant's size chart has (created with the file's sizes when missing), once each. */
    List<ProductRow> validSizes(List<ProductRow> rows, RowOutcomes outcomes) {
        String chart = rows.get(0).sizeChart();
        CatalogueNames.SizeChartRef ref = names.sizeChart(chart, chartSizes.getOrDefault(chart, List.of()));
        Map<String, ProductRow> seen = new HashMap<>();
        List<ProductRow> valid = new ArrayList<>();
        for (ProductRow row : rows) {
            if (!chart.equals(row.sizeChart())) {
                outcomes.failed(List.of(row), "variant " + row.variantKey() + " uses size chart '" + chart
                        + "' (line " + rows.get(0).line() + "), not '" + row.sizeChart() + "'");
            } else if (!ref.sizes().contains(row.size())) {
                outcomes.failed(List.of(row), "size chart '" + chart + "' has no size '" + row.size() + "' (sizes: "
                        + String.join(", ", ref.sizes()) + ")");
            } else if (seen.containsKey(row.size())) {
                outcomes.failed(List.of(row), "size " + row.size() + " of " + row.variantKey()
                        + " is also on line " + seen.get(row.size()).line());
            } else {
                seen.put(row.size(), row);
                valid.add(row);
            }
        }
        return valid;
    }

    /** createProduct's input: the product with its variants (valid sizes only), or alone when there are none. */
    Map<String, Object> createProduct(ProductRow row, Collection<List<ProductRow>> variants) {
        Map<String, Object> input = product(row, true);
        if (!variants.isEmpty()) {
            input.put("addProductVariants", variants.stream().map(this::variant).toList());
        }
        return input;
    }

    /** createProduct's (create) or updateProduct's input. */
    Map<String, Object> product(ProductRow row, boolean create) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", row.productName());
        input.put("status", row.productStatus());
        if (create) {
            input.put("productNumber", row.productNumber());
        }
        names.brand(row.brand()).ifPresent(id -> input.put("brand", Map.of("id", id)));
        names.collection(row.collection()).ifPresent(id -> input.put("collection", Map.of("id", id)));
        names.folder(row.folder()).ifPresent(id -> input.put("folder", Map.of("id", id)));
        if (row.countryOfOrigin() != null) {
            input.put("countryOfOrigin", Map.of("code", row.countryOfOrigin()));
        }
        putIfSet(input, "harmonizedCommodityCode", row.harmonizedCommodityCode());
        return input;
    }

    /** A variant with its sizes, as createProduct's addProductVariants takes it. */
    Map<String, Object> variant(List<ProductRow> rows) {
        ProductRow first = rows.get(0);
        Object chartId = names.sizeChart(first.sizeChart(), List.of()).id();
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (ProductRow row : rows) {
            Map<String, Object> size = new LinkedHashMap<>();
            size.put("size", Map.of("name", row.size()));
            putIfSet(size, "EAN", row.ean());
            putIfSet(size, "UPC", row.upc());
            putIfSet(size, "sizeNumber", row.sizeNumber());
            sizes.add(size);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", first.variantName());
        input.put("status", first.variantStatus());
        input.put("variantNumber", first.variantNumber());
        input.put("sizeChart", Map.of("id", chartId));
        input.put("productSizes", sizes);
        return input;
    }

    /** createProductVariant's input: a variant with its sizes, of an existing product. */
    Map<String, Object> createVariant(Object productId, List<ProductRow> rows) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("product", Map.of("id", productId));
        input.putAll(variant(rows));
        return input;
    }

    /** updateProductVariant's input. */
    static Map<String, Object> updateVariant(ProductRow row) {
        return Map.of("name", row.variantName(), "status", row.variantStatus(), "variantNumber", row.variantNumber());
    }

    /** createProductSize's input: a size of an existing variant. */
    static Map<String, Object> createSize(Object variantId, ProductRow row) {
        Map<String, Object> input = new LinkedHashMap<>(sizeFields(row));
        input.put("productVariant", Map.of("id", variantId));
        input.put("size", Map.of("name", row.size()));
        input.put("isActive", true);
        return input;
    }

    /** updateProductSize's input. */
    static Map<String, Object> sizeFields(ProductRow row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfSet(fields, "EAN", row.ean());
        putIfSet(fields, "UPC", row.upc());
        putIfSet(fields, "sizeNumber", row.sizeNumber());
        return fields;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
