package org.centraerp.connector.sandbox.store;

import java.util.Map;

/** The translated fields of one object in one language: field name to text, in the order given. */
public record Translation(String objectType, int objectId, int languageId, Map<String, String> fields) {

    public Translation {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
