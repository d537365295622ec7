package org.centraerp.connector.ops.reconciliation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.state.StateDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Catalogue: ERP keys of the id table ({@code connector_catalogue_id}) whose Centra product, variant or size no
 * longer exists (deleted in the AMS). Products are looked up by id in pages; a product that exists is looked
 * into for its variants and sizes.
 */
public class CatalogueReconciliation {

    static final String KIND = "catalogue";
    private static final int BATCH = 100;

    private record Key(String type, String erpKey, long centraId, Long parentId) {
    }

    private final CentraClient centra;
    private final JdbcTemplate state;

    public CatalogueReconciliation(CentraClient centra, StateDatabase state) {
        this.centra = centra;
        this.state = state.jdbc();
    }

    public long run(Consumer<Difference> out) {
        List<Key> keys = state.query("SELECT object_type, erp_key, centra_id, parent_id FROM connector_catalogue_id"
                + " WHERE object_type IN ('Product', 'ProductVariant', 'ProductSize') ORDER BY object_type, erp_key",
                (rs, i) -> new Key(rs.getString(1), rs.getString(2), rs.getLong(3), (Long) rs.getObject(4, Long.class)));
        List<Long> productIds = keys.stream().filter(k -> k.type().equals("Product")).map(Key::centraId).toList();
        Set<Long> products = new HashSet<>();
        Set<Long> variants = new HashSet<>();
        Set<Long> sizes = new HashSet<>();
        for (int i = 0; i < productIds.size(); i += BATCH) {
            List<Long> batch = productIds.subList(i, Math.min(productIds.size(), i + BATCH));
            for (JsonNode product : centra.query("catalogueIds", Map.of("ids", batch, "limit", batch.size())).data()
                    .path("products")) {
                products.add(product.path("id").asLong());
                for (JsonNode variant : product.path("variants")) {
                    variants.add(variant.path("id").asLong());
                    for (JsonNode size : variant.path("productSizes")) {
                        sizes.add(size.path("id").asLong());
                    }
                }
            }
        }
        long checked = 0;
        List<Key> gone = new ArrayList<>();
        for (Key key : keys) {
            checked++;
            Set<Long> existing = switch (key.type()) {
                case "Product" -> products;
                case "ProductVariant" -> variants;
                default -> sizes;
            };
            if (!existing.contains(key.centraId())) {
                gone.add(key);
            }
        }
        gone.forEach(k -> out.accept(new Difference(KIND, k.type() + " " + k.erpKey(), k.erpKey(),
                Long.toString(k.centraId()), k.type() + " " + k.centraId() + " no longer exists in Centra")));
        return checked;
    }
}
