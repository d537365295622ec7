package org.centraerp.connector.flows.catalogue;

import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;

/** The import's memory: Centra ids by ERP key (id table) and hashes of what was last sent (sent values). */
final class CatalogueState {

    static final String FLOW = "catalogue";
    static final String PRODUCT = "Product";
    static final String VARIANT = "ProductVariant";
    static final String SIZE = "ProductSize";
    static final String DISPLAY = "Display";
    static final String DISPLAY_VARIANT = "DisplayVariant";
    static final String SKU = "Sku";

    private final CatalogueIds ids;
    private final SentValues sent;

    CatalogueState(CatalogueIds ids, SentValues sent) {
        this.ids = ids;
        this.sent = sent;
    }

    Optional<Long> id(String type, String key) {
        return ids.find(type, key).map(CatalogueIds.CentraId::id);
    }

    void link(String type, String key, long id, Long parentId) {
        ids.link(type, key, id, parentId);
    }

    /** True when the hash differs from what was last sent for this key (or nothing was). */
    boolean changed(String type, String key, String hash) {
        return !sent.changed(FLOW, Map.of(type + ":" + key, hash)).isEmpty();
    }

    void sent(String type, String key, String hash) {
        sent.remember(FLOW, Map.of(type + ":" + key, hash));
    }
}
