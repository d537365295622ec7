package org.centraerp.connector.sandbox.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.sandbox.store.AssignedAttributes;
import org.centraerp.connector.sandbox.store.AttributeObjectType;
import org.centraerp.connector.sandbox.store.AttributeType;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.webhook.SandboxEvents;

/** assignAttributes / unassignAttributes: validate every entry first, then change the object's attributes at once. */
final class AttributeAssignments {

    record MappedAssign(String attributeTypeName, Integer attributeId) {
    }

    record DynamicAssign(String attributeTypeName, String attributeElementKey, String attributeElementValue) {
    }

    record AssignInput(Integer objectId, AttributeObjectType objectType, List<MappedAssign> mappedAttributes,
                       List<DynamicAssign> dynamicAttributes) {
    }

    record UnassignInput(Integer objectId, AttributeObjectType objectType, List<MappedAssign> mappedAttributes,
                         List<DynamicAssign> dynamicAttributes) {
    }

    private final SandboxData data;
    private final SandboxEvents events;

    AttributeAssignments(SandboxData data, SandboxEvents events) {
        this.data = data;
        this.events = events;
    }

    /** The object's attributes changed: an UPDATED event of the object (an order's reference is its hash id). */
    private void tell(AttributeObjectType type, Object object) {
        // guess: Centra reports an attribute change as an update of the object
        if (object instanceof org.centraerp.connector.sandbox.store.Order order) {
            events.changed(type.name(), "UPDATED", order.id(), order.storeId(), order.marketId());
        } else if (object instanceof org.centraerp.connector.sandbox.store.Identified row) {
            events.changed(type.name(), "UPDATED", String.valueOf(row.id()), null, null);
        }
    }

    Payload assign(AssignInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var object = object(input.objectType(), input.objectId(), problems);
            var current = data.attributesOf(input.objectType(), input.objectId());
            List<Integer> mapped = new ArrayList<>(current.mappedIds());
            Map<String, Map<String, String>> dynamic = copy(current.dynamicValues());
            for (MappedAssign assign : list(input.mappedAttributes())) {
                var type = type(assign.attributeTypeName(), input.objectType(), true, "mappedAttributes", problems);
                var value = data.mappedAttributes.find(assign.attributeId())
                        .filter(v -> v.typeName().equals(assign.attributeTypeName()));
                if (type.isPresent() && value.isEmpty()) {
                    problems.error("Attribute with id " + assign.attributeId() + " does not exist for type "
                            + assign.attributeTypeName(), "input", "mappedAttributes");
                }
                if (type.isPresent() && value.isPresent() && !mapped.contains(value.get().id())) {
                    if (!type.get().isMulti()) {
                        // a single-value type holds one value: the new one replaces the old
                        mapped.removeIf(id -> data.mappedAttributes.find(id)
                                .map(v -> v.typeName().equals(assign.attributeTypeName())).orElse(false));
                    }
                    mapped.add(value.get().id());
                }
            }
            for (DynamicAssign assign : list(input.dynamicAttributes())) {
                var type = type(assign.attributeTypeName(), input.objectType(), false, "dynamicAttributes", problems);
                if (type.isPresent() && type.get().elements().stream()
                        .noneMatch(e -> e.key().equals(assign.attributeElementKey()))) {
                    problems.error("Attribute type " + assign.attributeTypeName() + " has no element "
                            + assign.attributeElementKey(), "input", "dynamicAttributes");
                }
                dynamic.computeIfAbsent(assign.attributeTypeName(), k -> new LinkedHashMap<>())
                        .put(assign.attributeElementKey(), assign.attributeElementValue());
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            data.setAttributes(input.objectType(), input.objectId(), new AssignedAttributes(mapped, dynamic));
            tell(input.objectType(), object.orElseThrow());
            return Payload.of(object.orElseThrow(), problems);
        });
    }

    Payload unassign(UnassignInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var object = object(input.objectType(), input.objectId(), problems);
            var current = data.attributesOf(input.objectType(), input.objectId());
            List<Integer> mapped = new ArrayList<>(current.mappedIds());
            Map<String, Map<String, String>> dynamic = copy(current.dynamicValues());
            for (MappedAssign unassign : list(input.mappedAttributes())) {
                type(unassign.attributeTypeName(), input.objectType(), true, "mappedAttributes", problems);
                if (!mapped.remove(unassign.attributeId())) {
                    problems.warning("Attribute with id " + unassign.attributeId() + " was not assigned",
                            "input", "mappedAttributes");
                }
            }
            for (DynamicAssign unassign : list(input.dynamicAttributes())) {
                type(unassign.attributeTypeName(), input.objectType(), false, "dynamicAttributes", problems);
                var values = dynamic.get(unassign.attributeTypeName());
                if (values != null) {
                    values.remove(unassign.attributeElementKey());
                    if (values.isEmpty()) {
                        dynamic.remove(unassign.attributeTypeName());
                    }
                }
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            data.setAttributes(input.objectType(), input.objectId(), new AssignedAttributes(mapped, dynamic));
            tell(input.objectType(), object.orElseThrow());
            return Payload.of(object.orElseThrow(), problems);
        });
    }

    private Optional<Object> object(AttributeObjectType type, Integer id, Problems problems) {
        Optional<Object> object = switch (type) {
            case Product -> data.products.find(id).map(Object.class::cast);
            case ProductVariant -> data.productVariants.find(id).map(Object.class::cast);
            case Customer -> data.customers.find(id).map(Object.class::cast);
            // an order's attribute objectId is its number (orders have hash ids)
            case Order -> data.orders.byNumber(id).map(Object.class::cast);
        };
        if (object.isEmpty()) {
            problems.error(type + " with id " + id + " does not exist", "input", "objectId");
        }
        return object;
    }

    private Optional<AttributeType> type(String name, AttributeObjectType objectType, boolean mapped, String field,
                                         Problems problems) {
        var type = data.attributeType(name);
        if (type.isEmpty()) {
            problems.error("Attribute type " + name + " does not exist", "input", field);
        } else if (type.get().objectType() != objectType) {
            problems.error("Attribute type " + name + " is for " + type.get().objectType() + ", not " + objectType,
                    "input", field);
        } else if (type.get().isMapped() != mapped) {
            problems.error("Attribute type " + name + " is " + (mapped ? "not " : "") + "a mapped attribute type",
                    "input", field);
        } else {
            return type;
        }
        return Optional.empty();
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> values) {
        var copy = new LinkedHashMap<String, Map<String, String>>();
        values.forEach((type, byKey) -> copy.put(type, new LinkedHashMap<>(byKey)));
        return copy;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
