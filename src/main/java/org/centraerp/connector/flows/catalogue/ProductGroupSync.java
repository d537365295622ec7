package org.centraerp.connector.flows.catalogue;

import static org.centraerp.connector.flows.catalogue.CatalogueState.PRODUCT;
import static org.centraerp.connector.flows.catalogue.CatalogueState.SIZE;
import static org.centraerp.connector.flows.catalogue.CatalogueState.SKU;
import static org.centraerp.connector.flows.catalogue.CatalogueState.VARIANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.centra.CentraInvalidRequestException;
import org.centraerp.connector.centra.CentraUserErrorException;

/**
 * Brings one product (consecutive rows of one product number) to Centra in Centra's order: product, variants with
 * their sizes, then displays. Each object is found by ERP key in the id table, else in Centra (a product by number,
 * its variants by variant number, sizes by size name), else created; an existing one is updated only when its
 * mapped values changed since last sent. userErrors fail the rows they concern; the others go on.
 *
 * <p>A new product is created with its variants and their sizes in one call ({@code createProduct} with
 * {@code addProductVariants}, Centra's ProductVariantOnProductCreateInput); if Centra refuses that call (and so
 * changed nothing) the product is created alone and each variant on its own, so a refused variant fails only its
 * rows. Thread-safe: products of a file are synced side by side ({@link ProductsInFlight}).
 */
final class ProductGroupSync {

    private final CentraClient centra;
    private final CatalogueState state;
    private final ProductInputs inputs;
    private final IdConversionBuffer conversions;
    private final DisplaySync displays;

    ProductGroupSync(CentraClient centra, CatalogueState state, CatalogueNames names,
                     Map<String, List<String>> chartSizes, IdConversionBuffer conversions, DisplaySync displays) {
        this.centra = centra;
        this.state = state;
        this.inputs = new ProductInputs(names, chartSizes);
        this.conversions = conversions;
        this.displays = displays;
    }

    void sync(List<ProductRow> rows, ImportReport report) {
        RowOutcomes outcomes = new RowOutcomes(rows);
        try {
            ProductRow first = rows.get(0);
            boolean knownBefore = state.id(PRODUCT, first.productKey()).isPresent();
            Map<String, List<ProductRow>> byVariant = new LinkedHashMap<>();
            rows.forEach(r -> byVariant.computeIfAbsent(r.variantKey(), k -> new ArrayList<>()).add(r));
            Map<String, Long> variantIds = new LinkedHashMap<>();
            ProductId product = product(first, rows, byVariant, variantIds, outcomes);
            long productId = product.id();
            if (knownBefore && rows.stream().anyMatch(r -> state.id(SIZE, r.sizeKey()).isEmpty())) {
                // A variant or size the id table lacks may be in Centra already: an import killed between Centra's
                // answer and the id table's write created it. Link it instead of creating it twice.
                productInCentra(first).ifPresent(found -> link(found, rows));
            }
            byVariant.forEach((key, variantRows) -> {
                if (!variantIds.containsKey(key)) {
                    variant(productId, variantRows, outcomes).ifPresent(id -> variantIds.put(key, id));
                }
            });
            displays.sync(first, productId, product.created(), variantIds, byVariant, outcomes);
        } catch (CentraUserErrorException | CentraInvalidRequestException e) {
            outcomes.failed(rows, "Centra refused product " + rows.get(0).productNumber() + ": " + e.getMessage());
        }
        outcomes.report(rows, report);
    }

    /** A product's Centra id, and whether this import created it (then it has no display yet). */
    private record ProductId(long id, boolean created) {
    }

    /**
     * The product, found or created; a created one gets the variants with valid sizes in the same call, their ids
     * put in {@code variantIds}.
     */
    private ProductId product(ProductRow row, List<ProductRow> rows, Map<String, List<ProductRow>> byVariant,
                              Map<String, Long> variantIds, RowOutcomes outcomes) {
        String key = row.productKey();
        Optional<Long> known = state.id(PRODUCT, key).or(() -> findInCentra(row, rows));
        if (known.isEmpty()) {
            Map<String, List<ProductRow>> valid = new LinkedHashMap<>();
            byVariant.forEach((variantKey, variantRows) -> {
                List<ProductRow> sizes = inputs.validSizes(variantRows, outcomes);
                if (!sizes.isEmpty()) {
                    valid.put(variantKey, sizes);
                }
            });
            JsonNode created;
            Map<String, Object> input = inputs.createProduct(row, valid.values());
            try {
                created = centra.mutate("catalogue/createProduct", Map.of("input", input), Retry.NEVER).orThrow()
                        .path("product");
            } catch (CentraUserErrorException | CentraInvalidRequestException e) {
                if (valid.isEmpty()) {
                    throw e;
                }
                // Centra changed nothing: the product alone, then its variants one by one (refusals fail their rows)
                input.remove("addProductVariants");
                created = centra.mutate("catalogue/createProduct", Map.of("input", input), Retry.NEVER).orThrow()
                        .path("product");
                valid.clear();
            }
            long id = created.path("id").asLong();
            CatalogueState.Writes writes = new CatalogueState.Writes().link(PRODUCT, key, id, null)
                    .sent(PRODUCT, key, row.productHash());
            conversions.add(PRODUCT, id, key);
            JsonNode variants = created.path("variants");
            Map<String, JsonNode> byNumber = new HashMap<>();
            variants.forEach(v -> byNumber.put(v.path("variantNumber").asText(), v));
            int index = 0;
            for (Map.Entry<String, List<ProductRow>> variant : valid.entrySet()) {
                // by variant number; without one, Centra lists a new product's variants in the order given
                String number = variant.getValue().get(0).variantNumber();
                JsonNode node = number != null && byNumber.containsKey(number) ? byNumber.get(number)
                        : variants.path(index);
                index++;
                if (node.path("id").isMissingNode()) {
                    throw new IllegalStateException("Centra created product " + row.productNumber()
                            + " but did not answer its variant " + variant.getKey());
                }
                variantIds.put(variant.getKey(), variantCreated(id, variant.getValue(), node, writes));
            }
            state.write(writes);
            outcomes.created(rows);
            return new ProductId(id, true);
        }
        if (state.changed(PRODUCT, key, row.productHash())) {
            centra.mutate("catalogue/updateProduct", Map.of("id", known.get(), "input", inputs.product(row, false)),
                    Retry.SAFE).orThrow();
            state.sent(PRODUCT, key, row.productHash());
            outcomes.updated(rows);
        }
        return new ProductId(known.get(), false);
    }

    /** The product an earlier import created (id table lost, or a crash before it was written), linked again. */
    private Optional<Long> findInCentra(ProductRow row, List<ProductRow> rows) {
        return productInCentra(row).map(product -> link(product, rows));
    }

    private Optional<JsonNode> productInCentra(ProductRow row) {
        JsonNode found = centra.query("catalogue/productByNumber", Map.of("productNumber", row.productNumber()))
                .data().path("products");
        for (JsonNode product : found) {
            if (row.productNumber().equals(product.path("productNumber").asText())) {
                return Optional.of(product);
            }
        }
        return Optional.empty();
    }

    /** Links a product found in Centra, and those of its variants and sizes the rows name, in the id table. */
    private long link(JsonNode product, List<ProductRow> rows) {
        long productId = product.path("id").asLong();
        state.link(PRODUCT, rows.get(0).productKey(), productId, null);
        for (JsonNode variant : product.path("variants")) {
            String variantNumber = variant.path("variantNumber").asText();
            rows.stream().filter(r -> variantNumber.equals(r.variantNumber())).findFirst().ifPresent(r -> {
                long variantId = variant.path("id").asLong();
                state.link(VARIANT, r.variantKey(), variantId, productId);
                for (JsonNode size : variant.path("productSizes")) {
                    String sizeKey = r.variantKey() + "|" + size.path("size").path("name").asText();
                    state.link(SIZE, sizeKey, size.path("id").asLong(), variantId);
                }
            });
        }
        return productId;
    }

    private Optional<Long> variant(long productId, List<ProductRow> rows, RowOutcomes outcomes) {
        ProductRow first = rows.get(0);
        try {
            List<ProductRow> valid = inputs.validSizes(rows, outcomes);
            if (valid.isEmpty()) {
                return Optional.empty();
            }
            Optional<Long> known = state.id(VARIANT, first.variantKey());
            if (known.isEmpty()) {
                return Optional.of(createVariant(productId, valid, outcomes));
            }
            long variantId = known.get();
            if (state.changed(VARIANT, first.variantKey(), first.variantHash())) {
                centra.mutate("catalogue/updateProductVariant", Map.of("id", variantId,
                        "input", ProductInputs.updateVariant(first)), Retry.SAFE).orThrow();
                state.sent(VARIANT, first.variantKey(), first.variantHash());
                outcomes.updated(rows);
            }
            for (ProductRow row : valid) {
                size(productId, variantId, row, outcomes);
            }
            return Optional.of(variantId);
        } catch (CentraUserErrorException | CentraInvalidRequestException e) {
            outcomes.failed(rows, "Centra refused variant " + first.variantKey() + ": " + e.getMessage());
            return state.id(VARIANT, first.variantKey());
        }
    }

    private long createVariant(long productId, List<ProductRow> rows, RowOutcomes outcomes) {
        JsonNode created = centra.mutate("catalogue/createProductVariant",
                        Map.of("input", inputs.createVariant(productId, rows)), Retry.NEVER)
                .orThrow().path("productVariant");
        CatalogueState.Writes writes = new CatalogueState.Writes();
        long variantId = variantCreated(productId, rows, created, writes);
        state.write(writes);
        outcomes.created(rows);
        return variantId;
    }

    /** Links a variant Centra just created and its sizes (by size name) in the id table. */
    private long variantCreated(long productId, List<ProductRow> rows, JsonNode created,
                                CatalogueState.Writes writes) {
        ProductRow first = rows.get(0);
        long variantId = created.path("id").asLong();
        writes.link(VARIANT, first.variantKey(), variantId, productId)
                .sent(VARIANT, first.variantKey(), first.variantHash());
        conversions.add(VARIANT, variantId, first.variantKey());
        for (JsonNode size : created.path("productSizes")) {
            String name = size.path("size").path("name").asText();
            rows.stream().filter(r -> r.size().equals(name)).findFirst().ifPresent(r -> {
                long sizeId = size.path("id").asLong();
                writes.link(SIZE, r.sizeKey(), sizeId, variantId).sent(SIZE, r.sizeKey(), r.sizeHash());
                conversions.add(SIZE, sizeId, r.sizeKey());
                if (r.sku() != null) {
                    writes.link(SKU, r.sku(), variantId, productId);
                }
            });
        }
        return variantId;
    }

    private void size(long productId, long variantId, ProductRow row, RowOutcomes outcomes) {
        try {
            Optional<Long> known = state.id(SIZE, row.sizeKey());
            if (known.isEmpty()) {
                long id = centra.mutate("catalogue/createProductSize",
                                Map.of("input", ProductInputs.createSize(variantId, row)), Retry.NEVER)
                        .orThrow().path("productSize").path("id").asLong();
                sizeCreated(productId, variantId, row, id);
                outcomes.created(List.of(row));
            } else if (state.changed(SIZE, row.sizeKey(), row.sizeHash())) {
                centra.mutate("catalogue/updateProductSize", Map.of("id", known.get(),
                        "input", ProductInputs.sizeFields(row)), Retry.SAFE).orThrow();
                state.sent(SIZE, row.sizeKey(), row.sizeHash());
                linkSku(productId, variantId, row);
                outcomes.updated(List.of(row));
            }
        } catch (CentraUserErrorException | CentraInvalidRequestException e) {
            outcomes.failed(List.of(row), "Centra refused size " + row.sizeKey() + ": " + e.getMessage());
        }
    }

    private void sizeCreated(long productId, long variantId, ProductRow row, long sizeId) {
        state.link(SIZE, row.sizeKey(), sizeId, variantId);
        state.sent(SIZE, row.sizeKey(), row.sizeHash());
        conversions.add(SIZE, sizeId, row.sizeKey());
        linkSku(productId, variantId, row);
    }

    /** Prices name SKUs; they find the variant (and its product) here. */
    private void linkSku(long productId, long variantId, ProductRow row) {
        if (row.sku() != null) {
            state.link(SKU, row.sku(), variantId, productId);
        }
    }
}
