package org.centraerp.connector.state;

import java.util.List;
import java.util.Optional;

/**
 * The last Centra schema read by introspection, per Centra address (table {@code connector_centra_schema}): a start
 * while Centra cannot be reached checks the mappings and builds the queries from it.
 */
public class CentraSchemaCache {

    private final StateDatabase db;
    private final String upsert;

    public CentraSchemaCache(StateDatabase db) {
        this.db = db;
        this.upsert = db.vendor().upsert("connector_centra_schema", List.of("target"), List.of("schema_sdl", "read_at"));
    }

    /** @param target the Centra address, e.g. {@code https://brand.centra.com/graphql} */
    public Optional<String> read(String target) {
        return db.jdbc().queryForList("SELECT schema_sdl FROM connector_centra_schema WHERE target = ?", String.class,
                target).stream().findFirst();
    }

    public void save(String target, String sdl) {
        db.jdbc().update(upsert, target, sdl, db.now());
    }
}
