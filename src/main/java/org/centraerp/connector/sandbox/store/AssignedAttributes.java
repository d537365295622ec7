package org.centraerp.connector.sandbox.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes assigned to one object: ids of mapped attribute values, and per dynamic type its element values.
 * Immutable; assigning builds a new instance.
 */
public record AssignedAttributes(List<Integer> mappedIds, Map<String, Map<String, String>> dynamicValues) {

    public static final AssignedAttributes NONE = new AssignedAttributes(List.of(), Map.of());

    public AssignedAttributes {
        mappedIds = List.copyOf(mappedIds);
        var copy = new LinkedHashMap<String, Map<String, String>>();
        dynamicValues.forEach((type, values) -> copy.put(type, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        dynamicValues = java.util.Collections.unmodifiableMap(copy);
    }

    /** Key of an object that carries attributes. */
    public record ObjectKey(AttributeObjectType type, int id) {
    }
}
