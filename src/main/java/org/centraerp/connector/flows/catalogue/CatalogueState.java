package org.centraerp.connector.flows.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** True when something was ever sent for this key (read-only). */
    boolean everSent(String type, String key) {
        return !sent.read(FLOW, List.of(type + ":" + key)).isEmpty();
    }

    void sent(String type, String key, String hash) {
        sent.remember(FLOW, Map.of(type + ":" + key, hash));
    }

    /** Links and hashes gathered from one Centra answer, written in two batches by {@link #write}. */
    static final class Writes {
        private final List<CatalogueIds.Link> links = new ArrayList<>();
        private final Map<String, String> hashes = new LinkedHashMap<>();

        Writes link(String type, String key, long id, Long parentId) {
            links.add(new CatalogueIds.Link(type, key, id, parentId));
            return this;
        }

        Writes sent(String type, String key, String hash) {
            hashes.put(type + ":" + key, hash);
            return this;
        }
    }

    /** Ids first, then hashes: a hash never says "sent" for an object the id table does not know. */
    void write(Writes writes) {
        ids.linkAll(writes.links);
        if (!writes.hashes.isEmpty()) {
            sent.remember(FLOW, writes.hashes);
        }
    }
}
