package org.centraerp.connector.sandbox.api;

import java.util.List;

import org.centraerp.connector.sandbox.store.AttributeElementKind;
import org.centraerp.connector.sandbox.store.AttributeObjectType;
import org.centraerp.connector.sandbox.store.AttributeType;

/**
 * How attributes read in GraphQL. The record names equal Centra's type names because Spring GraphQL resolves the
 * {@code Attribute} and {@code AttributeElement} interfaces by class name.
 */
public final class AttributeViews {

    private AttributeViews() {
    }

    public record MappedAttribute(int id, String name, String description, AttributeObjectType objectType,
                           List<Object> elements, AttributeType type) {
    }

    public record DynamicAttribute(String description, AttributeObjectType objectType, List<Object> elements,
                            AttributeType type) {
    }

    public record AttributeStringElement(String key, String description, AttributeElementKind kind, String value) {
    }

    public record AttributeImageElement(String key, String description, AttributeElementKind kind, String url,
                                 Integer width, Integer height, String mimeType) {
    }
}
