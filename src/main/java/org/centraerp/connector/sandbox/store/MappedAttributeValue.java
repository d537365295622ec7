package org.centraerp.connector.sandbox.store;

import java.util.Map;

/** One predefined value of a mapped attribute type (e.g. "Wood" of "pr_materials"): element key to value. */
public record MappedAttributeValue(int id, String typeName, String name, Map<String, String> values)
        implements Identified {

    public MappedAttributeValue {
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
