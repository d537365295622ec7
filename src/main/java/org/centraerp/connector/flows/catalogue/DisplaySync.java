package org.centraerp.connector.flows.catalogue;

import static org.centraerp.connector.flows.catalogue.CatalogueState.DISPLAY;
import static org.centraerp.connector.flows.catalogue.CatalogueState.DISPLAY_VARIANT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.centra.CentraInvalidRequestException;
import org.centraerp.connector.centra.CentraUserErrorException;
import org.centraerp.connector.mapping.ProductsMapping.DisplayRule;

/**
 * A product's display per store the mapping names: created with the product's variants, or given the variants it
 * lacks. Nothing is asked of Centra when the id table knows the display and every variant on it.
 */
final class DisplaySync {

    private final CentraClient centra;
    private final CatalogueState state;
    private final List<DisplayRule> rules;

    DisplaySync(CentraClient centra, CatalogueState state, List<DisplayRule> rules) {
        this.centra = centra;
        this.state = state;
        this.rules = rules;
    }

    /** @param productCreated the product was created by this import: Centra has no display of it to look for */
    void sync(ProductRow product, long productId, boolean productCreated, Map<String, Long> variantIds,
              Map<String, List<ProductRow>> rowsByVariant, RowOutcomes outcomes) {
        for (DisplayRule rule : rules) {
            String displayKey = product.productKey() + "@" + rule.store();
            // a product this import created has no display yet: nothing to look up
            List<String> missing = productCreated ? List.copyOf(variantIds.keySet()) : variantIds.keySet().stream()
                    .filter(v -> state.id(DISPLAY_VARIANT, v + "@" + rule.store()).isEmpty()).toList();
            if (missing.isEmpty()) {
                continue;
            }
            List<ProductRow> affected = new ArrayList<>();
            missing.forEach(v -> affected.addAll(rowsByVariant.get(v)));
            try {
                boolean created = sync(rule, displayKey, product, productId, productCreated, missing, variantIds);
                if (created) {
                    outcomes.created(affected.stream().filter(r -> !outcomes.hasFailed(r)).toList());
                } else {
                    outcomes.updated(affected.stream().filter(r -> !outcomes.hasFailed(r)).toList());
                }
            } catch (CentraUserErrorException | CentraInvalidRequestException e) {
                outcomes.failed(affected, "Centra refused the display of " + product.productNumber() + " in store "
                        + rule.store() + ": " + e.getMessage());
            }
        }
    }

    /** @return true if the display was created, false if variants were added or were there already */
    private boolean sync(DisplayRule rule, String displayKey, ProductRow product, long productId,
                         boolean productCreated, List<String> missing, Map<String, Long> variantIds) {
        Optional<JsonNode> existing = productCreated ? Optional.empty() : find(productId, rule.store());
        if (existing.isEmpty()) {
            long id = centra.mutate("catalogue/createDisplay",
                            Map.of("input", createInput(rule, product, productId, variantIds.values())), Retry.NEVER)
                    .orThrow()
                    .path("display").path("id").asLong();
            CatalogueState.Writes writes = new CatalogueState.Writes().link(DISPLAY, displayKey, id, productId);
            variantIds.keySet().forEach(v -> writes.link(DISPLAY_VARIANT, v + "@" + rule.store(), id, productId));
            state.write(writes);
            return true;
        }
        long displayId = existing.get().path("id").asLong();
        state.link(DISPLAY, displayKey, displayId, productId);
        Set<Long> present = new HashSet<>();
        existing.get().path("productVariants").forEach(v -> present.add(v.path("id").asLong()));
        List<Long> add = missing.stream().map(variantIds::get).filter(id -> !present.contains(id)).toList();
        if (!add.isEmpty()) {
            centra.mutate("catalogue/updateDisplay", Map.of("id", displayId, "input", addInput(add)), Retry.SAFE)
                    .orThrow();
        }
        missing.forEach(v -> state.link(DISPLAY_VARIANT, v + "@" + rule.store(), displayId, productId));
        return false;
    }

    /** createDisplay's input: the product's display in the rule's store, with these variants. */
    static Map<String, Object> createInput(DisplayRule rule, ProductRow product, Object productId,
                                           Collection<?> variantIds) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("store", Map.of("id", rule.store()));
        input.put("product", Map.of("id", productId));
        input.put("name", product.productName());
        input.put("status", rule.status());
        input.put("addMarkets", rule.markets().stream().map(m -> Map.of("id", m)).toList());
        input.put("addProductVariants", variantIds.stream()
                .map(id -> Map.of("productVariant", Map.of("id", id))).toList());
        return input;
    }

    /** updateDisplay's input: the variants to add to the display. */
    static Map<String, Object> addInput(Collection<?> variantIds) {
        return Map.of("addProductVariants", variantIds.stream()
                .map(id -> Map.<String, Object>of("productVariant", Map.of("id", id))).toList());
    }

    /** The product's display in the store, with its variants (a query). */
    static Optional<JsonNode> find(CentraClient centra, long productId, int store) {
        JsonNode displays = centra.query("catalogue/productDisplays", Map.of("productId", productId, "storeId", store))
                .data().path("displays");
        return displays.isEmpty() ? Optional.empty() : Optional.of(displays.get(0));
    }

    private Optional<JsonNode> find(long productId, int store) {
        return find(centra, productId, store);
    }
}
