package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.AttributeViews.AttributeImageElement;
import org.centraerp.connector.sandbox.api.AttributeViews.AttributeStringElement;
import org.centraerp.connector.sandbox.api.AttributeViews.DynamicAttribute;
import org.centraerp.connector.sandbox.api.AttributeViews.MappedAttribute;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.AttributeElementKind;
import org.centraerp.connector.sandbox.store.AttributeObjectType;
import org.centraerp.connector.sandbox.store.AttributeType;
import org.centraerp.connector.sandbox.store.Customer;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.MappedAttributeValue;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.webhook.SandboxEvents;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Custom attributes: mapped values, attribute types, what objects carry, assign and unassign. */
@Controller
@ConditionalOnSandboxEnabled
public class AttributeController {

    record MappedAttributeFilter(List<Integer> id, StringMatch name, List<AttributeObjectType> objectType,
                                 StringMatch typeName, String search) {
    }

    record AttributeTypeFilter(List<AttributeObjectType> objectType, StringMatch name) {
    }

    record AttributeFilter(StringMatch typeName) {
    }

    private final SandboxData data;
    private final AttributeAssignments assignments;

    public AttributeController(SandboxData data, SandboxEvents events) {
        this.data = data;
        this.assignments = new AttributeAssignments(data, events);
    }

    @QueryMapping
    public List<MappedAttribute> mappedAttributes(@Argument MappedAttributeFilter where, @Argument List<String> sort,
                                                  @Argument Integer limit, @Argument Integer page) {
        var f = where == null ? new MappedAttributeFilter(null, null, null, null, null) : where;
        return ListQuery.run(data.mappedAttributes.stream(),
                a -> in(f.id(), a.id()) && StringMatch.matches(f.name(), a.name())
                        && StringMatch.matches(f.typeName(), a.typeName())
                        && (f.objectType() == null || type(a).map(t -> f.objectType().contains(t.objectType())).orElse(false))
                        && (f.search() == null || StringMatch.matches(new StringMatch(null, f.search()), a.name())),
                sort, Map.of("id", Comparator.comparingInt(MappedAttributeValue::id)), limit, page)
                .stream().map(this::view).toList();
    }

    @QueryMapping
    public List<AttributeType> attributeTypes(@Argument AttributeTypeFilter where) {
        return data.attributeTypes().stream()
                .filter(t -> where == null || (in(where.objectType(), t.objectType())
                        && StringMatch.matches(where.name(), t.name())))
                .toList();
    }

    @SchemaMapping(typeName = "Product", field = "attributes")
    public List<Object> productAttributes(Product product, @Argument AttributeFilter where) {
        return attributes(AttributeObjectType.Product, product.id(), where);
    }

    @SchemaMapping(typeName = "ProductVariant", field = "attributes")
    public List<Object> variantAttributes(ProductVariant variant, @Argument AttributeFilter where) {
        return attributes(AttributeObjectType.ProductVariant, variant.id(), where);
    }

    @SchemaMapping(typeName = "Customer", field = "attributes")
    public List<Object> customerAttributes(Customer customer, @Argument AttributeFilter where) {
        return attributes(AttributeObjectType.Customer, customer.id(), where);
    }

    @SchemaMapping(typeName = "DirectToConsumerOrder", field = "attributes")
    public List<Object> directToConsumerOrderAttributes(Order order, @Argument AttributeFilter where) {
        return attributes(AttributeObjectType.Order, order.number(), where);
    }

    @SchemaMapping(typeName = "WholesaleOrder", field = "attributes")
    public List<Object> wholesaleOrderAttributes(Order order, @Argument AttributeFilter where) {
        return attributes(AttributeObjectType.Order, order.number(), where);
    }

    @MutationMapping
    public Payload assignAttributes(@Argument AttributeAssignments.AssignInput input) {
        return assignments.assign(input);
    }

    @MutationMapping
    public Payload unassignAttributes(@Argument AttributeAssignments.UnassignInput input) {
        return assignments.unassign(input);
    }

    /** Dynamic attributes first, then mapped ones, as Centra lists them. */
    private List<Object> attributes(AttributeObjectType objectType, int id, AttributeFilter where) {
        var assigned = data.attributesOf(objectType, id);
        StringMatch typeName = where == null ? null : where.typeName();
        List<Object> views = new ArrayList<>();
        assigned.dynamicValues().forEach((name, values) -> data.attributeType(name)
                .filter(t -> StringMatch.matches(typeName, t.name()))
                .ifPresent(t -> views.add(new DynamicAttribute(t.description(), t.objectType(),
                        elements(t, values), t))));
        assigned.mappedIds().forEach(mappedId -> data.mappedAttributes.find(mappedId)
                .filter(a -> StringMatch.matches(typeName, a.typeName()))
                .map(this::view).ifPresent(views::add));
        return views;
    }

    private MappedAttribute view(MappedAttributeValue value) {
        AttributeType type = type(value).orElseThrow();
        return new MappedAttribute(value.id(), value.name(), type.description(), type.objectType(),
                elements(type, value.values()), type);
    }

    private Optional<AttributeType> type(MappedAttributeValue value) {
        return data.attributeType(value.typeName());
    }

    private static List<Object> elements(AttributeType type, Map<String, String> values) {
        List<Object> elements = new ArrayList<>();
        for (var element : type.elements()) {
            String value = values.get(element.key());
            if (value == null) {
                continue;
            }
            elements.add(element.kind() == AttributeElementKind.IMAGE
                    ? new AttributeImageElement(element.key(), element.description(), element.kind(), value, null, null, null)
                    : new AttributeStringElement(element.key(), element.description(), element.kind(), value));
        }
        return elements;
    }
}
