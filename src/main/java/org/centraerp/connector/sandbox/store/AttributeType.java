package org.centraerp.connector.sandbox.store;

import java.util.List;

/** An attribute type configured in Centra's AMS, e.g. "pr_materials" (mapped) or "pr_long_name" (dynamic). */
public record AttributeType(String name, String description, boolean isMapped, boolean isMulti,
                            AttributeObjectType objectType, List<AttributeTypeElement> elements) {

    public AttributeType {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }

    public record AttributeTypeElement(String key, String description, AttributeElementKind kind, boolean isMulti,
                                       String paramsJSON) {
    }
}
