package org.centraerp.connector.state;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue's id table ({@code connector_catalogue_id}): ERP key → Centra id per object type. Written right
 * after Centra created or was found to hold the object; a missing entry is looked up in Centra again before anything
 * is created, so losing this table never makes duplicates.
 */
public class CatalogueIds {

    /** A Centra id and, where the type has one, its owner's id (a variant's product, a size's variant). */
    public record CentraId(long id, Long parentId) {
    }

    private final StateDatabase db;
    private final String upsert;

    public CatalogueIds(StateDatabase db) {
        this.db = db;
        this.upsert = db.vendor().upsert("connector_catalogue_id", List.of("object_type", "erp_key"),
                List.of("centra_id", "parent_id", "updated_at"));
    }

    public Optional<CentraId> find(String objectType, String erpKey) {
        return db.jdbc().query("SELECT centra_id, parent_id FROM connector_catalogue_id "
                        + "WHERE object_type = ? AND erp_key = ?",
                (rs, i) -> new CentraId(rs.getLong(1), (Long) rs.getObject(2, Long.class)), objectType, erpKey)
                .stream().findFirst();
    }

    public void link(String objectType, String erpKey, long centraId, Long parentId) {
        db.jdbc().update(upsert, objectType, erpKey, centraId, parentId, db.now());
    }

    /** One link of {@link #linkAll}. */
    public record Link(String objectType, String erpKey, long centraId, Long parentId) {
    }

    /** Many links in one batch: what one Centra answer created (a product with its variants and sizes). */
    public void linkAll(List<Link> links) {
        if (links.isEmpty()) {
            return;
        }
        var now = db.now();
        db.jdbc().batchUpdate(upsert, links.stream()
                .map(l -> new Object[] {l.objectType(), l.erpKey(), l.centraId(), l.parentId(), now}).toList());
    }

    /** Forgets every id, e.g. after Centra was reset; the next import looks everything up again. */
    public int forgetAll() {
        return db.jdbc().update("DELETE FROM connector_catalogue_id");
    }
}
