package org.centraerp.connector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One validated mapping file.
 *
 * @param flow      the file name without {@code .yaml}, e.g. {@code master-data}, {@code stock-to-centra}
 * @param file      as the operator knows it, e.g. {@code mappings/acme/master-data.yaml}
 * @param root      the whole file, for kind-specific settings
 * @param fieldMaps every compiled {@code fields:} list in the file by key path, e.g. {@code entities.stores.fields}
 */
public record MappingDocument(String flow, MappingKind kind, String file, JsonNode root, Map<String, FieldMap> fieldMaps) {

    public MappingDocument {
        fieldMaps = Map.copyOf(fieldMaps);
    }

    /** The field list at a key path, e.g. {@code fields} or {@code entities.stores.fields}. */
    public FieldMap fieldMap(String keyPath) {
        FieldMap map = fieldMaps.get(keyPath);
        if (map == null) {
            throw new IllegalArgumentException(file + " has no field list at '" + keyPath + "' (has: "
                    + String.join(", ", new java.util.TreeSet<>(fieldMaps.keySet())) + ")");
        }
        return map;
    }
}
