package org.centraerp.connector.flows.catalogue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.state.CatalogueIds;

/**
 * Which Centra variant (and product) a size SKU belongs to: from the id table the product import fills, else from
 * every product's SKUs in Centra, read once per file (SKUs the product import has not seen, e.g. made in Centra).
 */
public final class SkuVariants {

    /** A variant and its product. */
    public record VariantRef(long variantId, long productId) {
    }

    private final CentraClient centra;
    private final CatalogueIds ids;
    private Map<String, VariantRef> centraSkus;

    public SkuVariants(CentraClient centra, CatalogueIds ids) {
        this.centra = centra;
        this.ids = ids;
    }

    public Optional<VariantRef> find(String sku) {
        Optional<VariantRef> known = ids.find(CatalogueState.SKU, sku).filter(id -> id.parentId() != null)
                .map(id -> new VariantRef(id.id(), id.parentId()));
        if (known.isPresent()) {
            return known;
        }
        if (centraSkus == null) {
            centraSkus = new HashMap<>();
            centra.pages("catalogue/productSizesBySku", Map.of(), "products", CentraClient.MAX_PAGE_SIZE)
                    .forEach(this::addSkus);
        }
        return Optional.ofNullable(centraSkus.get(sku));
    }

    private void addSkus(JsonNode product) {
        for (JsonNode variant : product.path("variants")) {
            VariantRef ref = new VariantRef(variant.path("id").asLong(), product.path("id").asLong());
            variant.path("productSizes").forEach(size -> centraSkus.put(size.path("SKU").asText(), ref));
        }
    }
}
